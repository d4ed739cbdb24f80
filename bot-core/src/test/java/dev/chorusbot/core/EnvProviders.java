package dev.chorusbot.core;

import dev.chorusbot.core.webhook.WebhookEndpoint;
import dev.chorusbot.core.webhook.WebhookResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Adapter providers registered for bot-core's tests in {@code META-INF/services}, shaped like the
 * real ones: {@link Dual} like Telegram (webhook or polling, its own port variable), {@link Chat}
 * like Twitch IRC (pull only), {@link ChatHooks} like Twitch EventSub (push, the same platform as
 * {@link Chat}).
 */
public final class EnvProviders {
    private EnvProviders() {}

    /** Like Telegram: {@code DUAL_TOKEN}; webhook when served or {@code DUAL_MODE=webhook}. */
    public static final class Dual implements AdapterProvider {
        @Override
        public String variable() {
            return "DUAL_TOKEN";
        }

        @Override
        public Platform platform() {
            return Platform.of("dual");
        }

        @Override
        public String description() {
            return "Dual";
        }

        @Override
        public boolean canReceiveWebhooks() {
            return true;
        }

        @Override
        public Optional<String> portVariable() {
            return Optional.of("DUAL_WEBHOOK_PORT");
        }

        @Override
        public Adapter create(Map<String, String> env, boolean webhooksServed) {
            List<String> problems = new ArrayList<>();
            if (!env.get("DUAL_TOKEN").matches("\\d+:\\w+")) {
                problems.add("DUAL_TOKEN is not a token: expected <digits>:<letters>");
            }
            String port = env.get("DUAL_WEBHOOK_PORT");
            if (port != null && !port.matches("\\d+")) {
                problems.add("DUAL_WEBHOOK_PORT must be a port number, was '" + port + "'");
            }
            String mode = env.getOrDefault("DUAL_MODE", webhooksServed || port != null ? "webhook" : "polling");
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return mode.equals("webhook") ? new Push(platform(), "/dual") : new Pull(platform());
        }
    }

    /** Like Twitch IRC: {@code CHAT_USERNAME}, reads on its own threads only. */
    public static final class Chat extends AbstractAdapterProvider {
        public Chat() {
            super("CHAT_USERNAME", Platform.of("chat"), "Chat over a socket", false);
        }

        @Override
        public Adapter create(Map<String, String> env, boolean webhooksServed) {
            if (env.get("CHAT_CHANNELS") == null) {
                throw new ConfigurationException("CHAT_CHANNELS is not set: name the channels to join");
            }
            return new Pull(platform());
        }
    }

    /** Like Twitch EventSub: {@code CHAT_CLIENT_ID}, webhooks at {@code /chat}. */
    public static final class ChatHooks extends AbstractAdapterProvider {
        public ChatHooks() {
            super("CHAT_CLIENT_ID", Platform.of("chat"), "Chat through webhooks", true);
        }

        @Override
        public Adapter create(Map<String, String> env, boolean webhooksServed) {
            List<String> problems = new ArrayList<>();
            for (String name : List.of("CHAT_CLIENT_SECRET", "CHAT_HOOK_SECRET")) {
                if (env.get(name) == null) {
                    problems.add(name + " is not set: copy it from the console");
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return new Push(platform(), "/chat");
        }
    }

    /** A push adapter that answers every webhook with 200. */
    record Push(Platform platform, String webhookPath) implements PushAdapter {
        @Override
        public WebhookEndpoint endpoint() {
            return request -> WebhookResponse.text(200, "ok");
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.plainText();
        }

        @Override
        public void start(EventSink sink) {}

        @Override
        public CompletableFuture<Void> send(Outbound message) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {}
    }

    /** A pull adapter that reads nothing. */
    record Pull(Platform platform) implements PullAdapter {
        @Override
        public Capabilities capabilities() {
            return Capabilities.plainText();
        }

        @Override
        public void start(EventSink sink) {}

        @Override
        public CompletableFuture<Void> send(Outbound message) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {}
    }
}
