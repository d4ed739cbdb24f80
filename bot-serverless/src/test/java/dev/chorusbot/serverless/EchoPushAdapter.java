package dev.chorusbot.serverless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PushAdapter;
import dev.chorusbot.core.User;
import dev.chorusbot.core.webhook.WebhookEndpoint;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A push adapter for the entry-point tests, shaped like Telegram's webhook so the plumbing is
 * proven on its own: a secret header ({@code X-Telegram-Bot-Api-Secret-Token}; missing or wrong →
 * 401), Telegram-like updates (malformed JSON → 400, an update without a message → 200 and
 * ignored), the first reply inline in the response as {@code {"method":"sendMessage",...}} and
 * every later reply POSTed to the {@link FakeChatApi} — finished before the response returns.
 */
final class EchoPushAdapter implements PushAdapter {
    static final Platform ECHO = Platform.of("echo");
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final byte[] secret;
    private HttpClient client;
    private volatile EventSink sink;

    EchoPushAdapter(String apiUrl, String secret) {
        this.api = URI.create(apiUrl + "/sendMessage");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Platform platform() {
        return ECHO;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.plainText();
    }

    @Override
    public Optional<User> self() {
        return Optional.of(User.of("1", "echo_bot", "Echo"));
    }

    @Override
    public void start(EventSink eventSink) {
        this.client = HttpClient.newHttpClient();
        this.sink = eventSink;
    }

    @Override
    public String webhookPath() {
        return "/echo";
    }

    @Override
    public WebhookEndpoint endpoint() {
        return this::handle;
    }

    private WebhookResponse handle(WebhookRequest request) {
        byte[] given = request.header(SECRET_HEADER).orElse("").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, secret)) {
            return WebhookResponse.text(401, "Unauthorized");
        }
        JsonNode update;
        try {
            update = JSON.readTree(request.body());
        } catch (IOException e) {
            return WebhookResponse.text(400, "Bad Request: the update is not valid JSON");
        }
        if (update == null || !update.path("message").path("text").isTextual()) {
            return WebhookResponse.ok(); // a kind this adapter does not handle: accepted, ignored
        }
        JsonNode message = update.path("message");
        JsonNode from = message.path("from");
        Chat chat = Chat.of(message.path("chat").path("id").asText(), Chat.Kind.PRIVATE, "chat");
        User sender = User.of(from.path("id").asText(), from.path("username").asText(""),
                from.path("first_name").asText());
        Handled handled = sink.dispatch(Message.of(ECHO, update.path("update_id").asText(), chat, sender,
                message.path("text").asText())).join();
        List<Outbound> outbound = handled.outbound();
        if (outbound.isEmpty()) {
            return WebhookResponse.ok();
        }
        List<CompletableFuture<Void>> later = new ArrayList<>();
        for (Outbound next : outbound.subList(1, outbound.size())) {
            later.add(send(next));
        }
        CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).join();
        return WebhookResponse.json(sendMessage(outbound.get(0), true));
    }

    @Override
    public CompletableFuture<Void> send(Outbound message) {
        HttpRequest request = HttpRequest.newBuilder(api)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sendMessage(message, false)))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(r -> null);
    }

    private static byte[] sendMessage(Outbound message, boolean inline) {
        ObjectNode json = JSON.createObjectNode();
        if (inline) {
            json.put("method", "sendMessage");
        }
        json.put("chat_id", Long.parseLong(message.chat().id()));
        json.put("text", message.text());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client = null;
    }
}
