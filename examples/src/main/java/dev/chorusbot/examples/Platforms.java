package dev.chorusbot.examples;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.PushAdapter;
import dev.chorusbot.core.console.ConsoleAdapter;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.telegram.TelegramConfig;
import dev.chorusbot.twitch.TwitchAdapter;
import dev.chorusbot.twitch.TwitchConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Chooses the example bots' platforms from environment variables:
 * <ul>
 *   <li>Telegram when {@code TELEGRAM_BOT_TOKEN} is set (see docs/telegram.md);</li>
 *   <li>Twitch IRC when {@code TWITCH_USERNAME} is set (see docs/twitch.md);</li>
 *   <li>the console when none of them is.</li>
 * </ul>
 * Problems in several platforms' variables are reported together.
 *
 * @param adapters the adapters to run
 * @param webhookPort the port of the embedded webhook server, when a push adapter needs one
 */
public record Platforms(List<Adapter> adapters, OptionalInt webhookPort) {

    /** Copies the components. */
    public Platforms {
        adapters = List.copyOf(adapters);
    }

    /**
     * Reads {@code env}.
     *
     * @throws ConfigurationException listing every problem of every configured platform
     */
    public static Platforms fromEnv(Map<String, String> env) {
        List<Adapter> adapters = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        OptionalInt port = OptionalInt.empty();
        if (isSet(env, "TELEGRAM_BOT_TOKEN")) {
            try {
                TelegramConfig telegram = TelegramConfig.fromEnv(env);
                adapters.add(telegram.adapter());
                port = telegram.webhookPort();
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        if (isSet(env, "TWITCH_USERNAME")) {
            try {
                adapters.add(new TwitchAdapter(TwitchConfig.fromEnv(env)));
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        if (adapters.isEmpty()) {
            adapters.add(new ConsoleAdapter());
        }
        boolean push = adapters.stream().anyMatch(PushAdapter.class::isInstance);
        return new Platforms(adapters, push ? port : OptionalInt.empty());
    }

    /** Adds the adapters, and the embedded webhook server when a push adapter needs one, to {@code builder}. */
    public Bot.Builder addTo(Bot.Builder builder) {
        adapters.forEach(builder::adapter);
        webhookServer().ifPresent(builder::webhookServer);
        return builder;
    }

    /** The embedded webhook server for the push adapters, if a port was configured. */
    public Optional<WebhookServer> webhookServer() {
        return webhookPort.isPresent()
                ? Optional.of(WebhookServer.builder().port(webhookPort.getAsInt()).build())
                : Optional.empty();
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
