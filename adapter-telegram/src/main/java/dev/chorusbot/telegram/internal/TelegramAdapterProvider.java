package dev.chorusbot.telegram.internal;

import dev.chorusbot.core.AbstractAdapterProvider;
import dev.chorusbot.core.Adapter;
import dev.chorusbot.telegram.TelegramConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Telegram for {@code Bot.Builder.fromEnv()}: switched on by {@code TELEGRAM_BOT_TOKEN}, built by
 * {@link TelegramConfig#fromEnv(Map)} in the mode it chooses, which is webhook when webhooks are
 * served and {@code TELEGRAM_MODE} is unset.
 */
public final class TelegramAdapterProvider extends AbstractAdapterProvider {
    /** Called by {@link java.util.ServiceLoader}. */
    public TelegramAdapterProvider() {
        super("TELEGRAM_BOT_TOKEN", EventMapper.TELEGRAM, "Telegram", true);
    }

    @Override
    public Optional<String> portVariable() {
        return Optional.of("TELEGRAM_WEBHOOK_PORT");
    }

    @Override
    public Adapter create(Map<String, String> env, boolean webhooksServed) {
        String mode = env.get("TELEGRAM_MODE");
        if (!webhooksServed || mode != null && !mode.isBlank()) {
            return TelegramConfig.fromEnv(env).adapter();
        }
        Map<String, String> withMode = new HashMap<>(env);
        withMode.put("TELEGRAM_MODE", "webhook");
        return TelegramConfig.fromEnv(withMode).adapter();
    }
}
