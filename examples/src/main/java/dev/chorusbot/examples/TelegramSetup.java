package dev.chorusbot.examples;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.telegram.TelegramConfig;
import dev.chorusbot.telegram.TelegramMode;
import java.util.Map;
import java.util.Optional;

/**
 * Telegram for the examples, switched on by {@code TELEGRAM_BOT_TOKEN}: the adapter for
 * {@code TELEGRAM_MODE} and, in webhook mode, the embedded webhook host on
 * {@code TELEGRAM_WEBHOOK_PORT}.
 *
 * @param adapter the webhook or polling adapter
 * @param webhookServer the embedded host, in webhook mode
 */
public record TelegramSetup(Adapter adapter, Optional<WebhookServer> webhookServer) {

    /**
     * The Telegram setup {@code env} asks for, or empty when {@code TELEGRAM_BOT_TOKEN} is not set.
     *
     * @throws ConfigurationException listing every bad variable
     */
    public static Optional<TelegramSetup> fromEnv(Map<String, String> env) {
        String token = env.get("TELEGRAM_BOT_TOKEN");
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        TelegramConfig config = TelegramConfig.fromEnv(env);
        if (config.mode() == TelegramMode.POLLING) {
            return Optional.of(new TelegramSetup(config.adapter(), Optional.empty()));
        }
        if (config.webhookPort().isEmpty()) {
            throw new ConfigurationException("TELEGRAM_MODE is webhook but TELEGRAM_WEBHOOK_PORT is not set: the bot"
                    + " needs a port to receive webhooks on (or use TELEGRAM_MODE=polling)");
        }
        WebhookServer server = WebhookServer.builder().port(config.webhookPort().getAsInt()).build();
        return Optional.of(new TelegramSetup(config.adapter(), Optional.of(server)));
    }

    /** Adds the adapter (and the webhook host) to {@code builder}. */
    public Bot.Builder addTo(Bot.Builder builder) {
        builder.adapter(adapter);
        webhookServer.ifPresent(builder::webhookServer);
        return builder;
    }
}
