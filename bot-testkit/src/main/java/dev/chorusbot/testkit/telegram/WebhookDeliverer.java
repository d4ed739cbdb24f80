package dev.chorusbot.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * POSTs updates to a webhook as Telegram does, repeats non-2xx answers, and executes a Bot API
 * call found in a 2xx answer.
 */
final class WebhookDeliverer {
    private final BotApiMethods methods;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile int maxAttempts = 3;
    private volatile Duration redeliveryDelay = Duration.ofMillis(50);

    WebhookDeliverer(BotApiMethods methods) {
        this.methods = methods;
    }

    void redelivery(int attempts, Duration delay) {
        this.maxAttempts = attempts;
        this.redeliveryDelay = delay;
    }

    WebhookDelivery deliver(URI webhook, Optional<String> secret, byte[] body) {
        int status = 0;
        String answer = "";
        int attempt = 0;
        int attempts = maxAttempts;
        while (attempt < attempts) {
            attempt++;
            HttpRequest.Builder request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            secret.ifPresent(s -> request.header("X-Telegram-Bot-Api-Secret-Token", s));
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                answer = response.body();
            } catch (IOException e) {
                status = 0;
                answer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (status / 100 == 2) {
                executeReply(answer);
                break;
            }
            if (attempt == attempts) {
                break; // no pause after the last attempt: nothing follows it
            }
            try {
                Thread.sleep(redeliveryDelay.toMillis()); // Telegram's own pause between redeliveries
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new WebhookDelivery(status, answer, attempt);
    }

    /** Telegram runs a {@code method} in a webhook answer as a Bot API call, and ignores what it cannot read. */
    private void executeReply(String answer) {
        if (answer.isBlank()) {
            return;
        }
        Optional<JsonNode> call = TelegramJson.read(answer);
        if (call.isPresent() && call.get().isObject() && call.get().hasNonNull("method")) {
            ObjectNode params = ((ObjectNode) call.get()).deepCopy();
            String method = params.remove("method").asText();
            methods.execute(method, params, params.toString(), true);
        }
    }
}
