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
import dev.chorusbot.twitch.eventsub.TwitchEventSubAdapter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Chooses the example bots' platforms from environment variables. Each platform is switched on by
 * one variable being set (not blank):
 * <ul>
 *   <li>Telegram by {@value #TELEGRAM} (see docs/telegram.md);</li>
 *   <li>Twitch chat over IRC by {@value #TWITCH_IRC} (see docs/twitch.md);</li>
 *   <li>Twitch chat through EventSub webhooks by {@value #TWITCH_EVENTSUB} (see
 *       docs/twitch-eventsub.md);</li>
 *   <li>the console when none of them is (process only).</li>
 * </ul>
 * {@value #TWITCH_IRC} and {@value #TWITCH_EVENTSUB} together are refused: both would be the
 * platform {@code twitch}.
 *
 * <p>One embedded webhook server serves every push adapter (Telegram in webhook mode at {@code
 * /telegram}, Twitch EventSub at {@code /twitch}). Its port is {@value #PORT}; Telegram's
 * {@code TELEGRAM_WEBHOOK_PORT} is still honoured, and when both are set they must agree. Either of
 * them makes webhook Telegram's default mode ({@code TELEGRAM_MODE=polling} keeps polling). In a
 * process, a push adapter without a port is refused, since nothing would receive its webhooks; a
 * function ({@link #forFunction}) needs no port, the cloud delivers the requests.
 *
 * <p>Problems in several platforms' variables are reported together, one sentence each.
 *
 * @param adapters the adapters to run
 * @param webhookPort the port of the embedded webhook server, when a push adapter needs one
 */
public record Platforms(List<Adapter> adapters, OptionalInt webhookPort) {
    /** Switches on Telegram. */
    public static final String TELEGRAM = "TELEGRAM_BOT_TOKEN";
    /** Switches on Twitch chat over IRC. */
    public static final String TWITCH_IRC = "TWITCH_USERNAME";
    /** Switches on Twitch chat through EventSub webhooks. */
    public static final String TWITCH_EVENTSUB = "TWITCH_CLIENT_ID";
    /** The port of the one embedded webhook server. */
    public static final String PORT = "CHORUS_WEBHOOK_PORT";
    private static final String TELEGRAM_PORT = "TELEGRAM_WEBHOOK_PORT";

    /** Copies the components. */
    public Platforms {
        adapters = List.copyOf(adapters);
    }

    /**
     * The platforms of a long-running process: the console when no platform variable is set, and
     * an embedded webhook server for the push adapters.
     *
     * @throws ConfigurationException listing every problem of every configured platform
     */
    public static Platforms fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        OptionalInt port = port(env, problems);
        Map<String, String> effective = new HashMap<>(env);
        if (port.isPresent() && !isSet(env, TELEGRAM_PORT)) {
            // Telegram reads its own variable: a port given by CHORUS_WEBHOOK_PORT must make webhook its
            // default mode just as TELEGRAM_WEBHOOK_PORT does.
            effective.put(TELEGRAM_PORT, Integer.toString(port.getAsInt()));
        }
        List<Adapter> adapters = select(effective, problems);
        List<String> push = adapters.stream().filter(PushAdapter.class::isInstance)
                .map(a -> a.platform().id()).toList();
        // A port variable that is set but malformed was reported already; do not ask for one again.
        if (!push.isEmpty() && !isSet(env, PORT) && !isSet(env, TELEGRAM_PORT)) {
            problems.add(String.join(" and ", push) + " receive" + (push.size() == 1 ? "s" : "")
                    + " webhooks, which need the embedded webhook server: set " + PORT + " to its port");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        if (adapters.isEmpty()) {
            adapters.add(new ConsoleAdapter());
        }
        return new Platforms(adapters, push.isEmpty() ? OptionalInt.empty() : port);
    }

    /**
     * The platforms of a cloud function: Telegram ({@value #TELEGRAM}, webhook mode unless {@code
     * TELEGRAM_MODE} says otherwise) and/or Twitch EventSub ({@value #TWITCH_EVENTSUB}); at least
     * one. No console, no webhook server (the cloud delivers the requests), and no Twitch IRC,
     * which needs a long-running process.
     *
     * @throws ConfigurationException listing every problem of every configured platform
     */
    public static Platforms forFunction(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        if (!isSet(env, TELEGRAM) && !isSet(env, TWITCH_EVENTSUB)) {
            problems.add("neither " + TELEGRAM + " nor " + TWITCH_EVENTSUB + " is set: a function serves Telegram ("
                    + TELEGRAM + ") and/or Twitch EventSub (" + TWITCH_EVENTSUB + "), so set at least one of them");
        }
        Map<String, String> effective = new HashMap<>(env);
        if (isSet(env, TWITCH_IRC)) {
            problems.add(TWITCH_IRC + " switches on Twitch chat over IRC, which needs a long-running process: a"
                    + " function serves Twitch through EventSub (" + TWITCH_EVENTSUB + "), so unset " + TWITCH_IRC);
            effective.remove(TWITCH_IRC);
        }
        // A function can only receive webhooks: make that Telegram's default mode here.
        if (!isSet(env, "TELEGRAM_MODE")) {
            effective.put("TELEGRAM_MODE", "webhook");
        }
        List<Adapter> adapters = select(effective, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new Platforms(adapters, OptionalInt.empty());
    }

    /** The adapters {@code env} switches on; their problems go to {@code problems}. */
    private static List<Adapter> select(Map<String, String> env, List<String> problems) {
        List<Adapter> adapters = new ArrayList<>();
        if (isSet(env, TELEGRAM)) {
            try {
                adapters.add(TelegramConfig.fromEnv(env).adapter());
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        boolean irc = isSet(env, TWITCH_IRC);
        boolean eventSub = isSet(env, TWITCH_EVENTSUB);
        if (irc && eventSub) {
            problems.add(TWITCH_IRC + " and " + TWITCH_EVENTSUB + " are both set, but the bot reads Twitch chat either"
                    + " over IRC (" + TWITCH_IRC + ") or through EventSub (" + TWITCH_EVENTSUB
                    + "), not both: unset one of them");
        } else if (irc) {
            try {
                adapters.add(new TwitchAdapter(TwitchConfig.fromEnv(env)));
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
            }
        } else if (eventSub) {
            try {
                adapters.add(TwitchEventSubAdapter.fromEnv(env));
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        return adapters;
    }

    /** The webhook server's port from {@value #PORT} or {@code TELEGRAM_WEBHOOK_PORT}. */
    private static OptionalInt port(Map<String, String> env, List<String> problems) {
        OptionalInt chorus = isSet(env, PORT) ? parsePort(env, PORT, problems) : OptionalInt.empty();
        // TelegramConfig reports a malformed TELEGRAM_WEBHOOK_PORT itself when Telegram is switched on.
        OptionalInt telegram = isSet(env, TELEGRAM_PORT)
                ? parsePort(env, TELEGRAM_PORT, isSet(env, TELEGRAM) ? new ArrayList<>() : problems)
                : OptionalInt.empty();
        if (chorus.isPresent() && telegram.isPresent() && chorus.getAsInt() != telegram.getAsInt()) {
            problems.add(PORT + " is " + chorus.getAsInt() + " but " + TELEGRAM_PORT + " is " + telegram.getAsInt()
                    + ": one webhook server serves every push platform, so set only " + PORT);
        }
        return chorus.isPresent() ? chorus : telegram;
    }

    private static OptionalInt parsePort(Map<String, String> env, String name, List<String> problems) {
        String text = env.get(name).strip();
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return OptionalInt.of(port);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a port number from 0 to 65535, was '" + text + "'");
        return OptionalInt.empty();
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
