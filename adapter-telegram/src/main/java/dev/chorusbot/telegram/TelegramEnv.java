package dev.chorusbot.telegram;

import dev.chorusbot.core.config.Env;
import java.util.Map;
import java.util.Objects;

/**
 * Maps the {@code TELEGRAM_*} variables onto a {@link TelegramConfig.Builder}: each variable sets
 * one setting, so every rule and default stays the builder's and a problem names the variable.
 */
final class TelegramEnv {
    private TelegramEnv() {}

    /** A builder holding what {@code variables} set; building it checks them. */
    static TelegramConfig.Builder read(Map<String, String> variables) {
        Objects.requireNonNull(variables, "env");
        TelegramConfig.Builder b = TelegramConfig.builder();
        Env env = Env.of(variables, b.problems);
        env.string("TELEGRAM_BOT_TOKEN", "token").ifPresent(b::token);
        env.url("TELEGRAM_API_URL", "apiUrl").ifPresent(b::apiUrl);
        env.oneOf("TELEGRAM_MODE", "mode", TelegramMode.class).ifPresent(b::mode);
        env.port("TELEGRAM_WEBHOOK_PORT", "webhookPort").ifPresent(b::webhookPort);
        env.string("TELEGRAM_WEBHOOK_PATH", "webhookPath").ifPresent(b::webhookPath);
        env.string("TELEGRAM_WEBHOOK_SECRET", "webhookSecret").ifPresent(b::webhookSecret);
        env.url("TELEGRAM_WEBHOOK_URL", "webhookUrl").ifPresent(b::webhookUrl);
        env.string("TELEGRAM_BOT_USERNAME", "username").ifPresent(b::username);
        env.string("TELEGRAM_SEND_LIMITS", "limits").ifPresent(text -> {
            try {
                b.limits(SendLimits.parse(text));
            } catch (IllegalArgumentException e) {
                b.problems.add("limits", e.getMessage());
            }
        });
        return b;
    }

    /**
     * {@link #read} for an adapter class that receives in one mode only: the mode is that one, and
     * a {@code TELEGRAM_MODE} naming the other is one more problem.
     */
    static TelegramConfig.Builder readFor(Map<String, String> variables, TelegramMode fixed, String refusal) {
        TelegramConfig.Builder b = read(variables);
        if (b.mode != null && b.mode != fixed) {
            b.problems.add("mode", refusal);
        }
        b.mode(fixed);
        return b;
    }
}
