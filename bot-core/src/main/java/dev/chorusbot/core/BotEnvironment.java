package dev.chorusbot.core;

import dev.chorusbot.core.console.ConsoleAdapter;
import dev.chorusbot.core.webhook.WebhookServer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * What the environment variables configure for a bot: its adapters and the embedded webhook server
 * that hosts the push adapters. {@link Bot.Builder#fromEnv()} and {@link
 * Bot.Builder#fromFunctionEnv()} apply it; read it directly to inspect the choice.
 *
 * <p>Each platform is switched on by one variable being set (not blank), as its {@link
 * AdapterProvider} says: {@code TELEGRAM_BOT_TOKEN} for Telegram (adapter-telegram), {@code
 * TWITCH_USERNAME} for Twitch chat over IRC (adapter-twitch), {@code TWITCH_CLIENT_ID} for Twitch
 * chat through EventSub (adapter-twitch-eventsub); each adapter then reads the other variables of
 * its guide. Only adapters on the class path can be switched on. The rules:
 * <ul>
 *   <li>Two variables that switch on two adapters of one platform are refused (Twitch over IRC and
 *       through EventSub would both be the platform {@code twitch}).</li>
 *   <li>In a process ({@link #process}), one embedded webhook server serves every push adapter on
 *       the port {@value #PORT}; an adapter's own port variable ({@code TELEGRAM_WEBHOOK_PORT}) is
 *       honoured too, and when both are set they must agree. A push adapter without a port is
 *       refused: nothing would receive its webhooks. A port makes webhooks the default of an adapter
 *       that can also poll (Telegram; {@code TELEGRAM_MODE=polling} keeps polling). When no
 *       platform is switched on, the bot chats on the console.</li>
 *   <li>In a serverless function ({@link #function}), the cloud delivers the requests: no port, no
 *       server, no console; an adapter that only reads on its own threads (Twitch IRC) is refused,
 *       adapters that can do both receive webhooks, and at least one platform is required.</li>
 * </ul>
 * Problems in several platforms' variables are reported together, one sentence each naming its
 * variable, in one {@link ConfigurationException}.
 *
 * <p>The state store is chosen by {@value StateStores#VARIABLE} ({@code memory}, {@code file:<path>},
 * {@code redis://…}; see {@link StateStores}) when the builder was given no store of its own: {@link
 * Bot.Builder#build()} reads it, after the rest, so a store that connects is made only for a bot
 * whose configuration is otherwise sound.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class BotEnvironment {
    /** The port of the one embedded webhook server, in a process. */
    public static final String PORT = "CHORUS_WEBHOOK_PORT";

    private static final Comparator<AdapterProvider> BY_CLASS_NAME = new Comparator<>() {
        @Override
        public int compare(AdapterProvider a, AdapterProvider b) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
    };

    private final List<Adapter> adapters;
    private final OptionalInt webhookPort;

    private BotEnvironment(List<Adapter> adapters, OptionalInt webhookPort) {
        this.adapters = List.copyOf(adapters);
        this.webhookPort = webhookPort;
    }

    /**
     * What {@code env} configures for a long-running process.
     *
     * @param env the variables by name, such as {@code System.getenv()}; not null
     * @return the adapters (the console when no platform is switched on) and the webhook port
     * @throws ConfigurationException listing every problem of every switched-on platform
     */
    public static BotEnvironment process(Map<String, String> env) {
        return resolve(env, false, false, false);
    }

    /**
     * What {@code env} configures for a serverless function, where the cloud delivers the webhooks.
     *
     * @param env the variables by name, such as {@code System.getenv()}; not null
     * @return the adapters, at least one, each able to receive webhooks; never a webhook port
     * @throws ConfigurationException listing every problem of every switched-on platform, or that
     *     none is switched on
     */
    public static BotEnvironment function(Map<String, String> env) {
        return resolve(env, true, false, false);
    }

    /**
     * The adapters the variables switch on.
     *
     * @return the adapters in a fixed order (by provider class name), not started
     */
    public List<Adapter> adapters() {
        return adapters;
    }

    /**
     * The embedded webhook server's port; present only in a process with a push adapter.
     *
     * @return the port from {@value #PORT} or an adapter's own port variable, or empty
     */
    public OptionalInt webhookPort() {
        return webhookPort;
    }

    /**
     * A new embedded webhook server on {@link #webhookPort()}, not started.
     *
     * @return the server, or empty when no push adapter needs one
     */
    public Optional<WebhookServer> webhookServer() {
        return webhookPort.isPresent()
                ? Optional.of(WebhookServer.builder().port(webhookPort.getAsInt()).build())
                : Optional.empty();
    }

    /**
     * Applies the rules of the class documentation. Plain loops, no streams or lambdas: this runs
     * in a function's cold start, where bootstrapping each lambda and stream pipeline costs more
     * than the work itself.
     *
     * @param function a serverless function rather than a process
     * @param hasOtherAdapters the builder has adapters of its own, so the console is not added
     * @param serverGiven the builder has a webhook server of its own, so no port is needed
     */
    static BotEnvironment resolve(Map<String, String> env, boolean function, boolean hasOtherAdapters,
            boolean serverGiven) {
        List<String> problems = new ArrayList<>();
        List<AdapterProvider> providers = providers();
        List<AdapterProvider> switchedOn = new ArrayList<>();
        for (AdapterProvider provider : providers) {
            if (isSet(env, provider.variable())) {
                switchedOn.add(provider);
            }
        }
        OptionalInt port = function ? OptionalInt.empty() : port(env, providers, switchedOn, problems);
        // In a function, an adapter that only pulls is refused by its variable and takes no part in the rest.
        List<AdapterProvider> candidates = function ? checkFunction(providers, switchedOn, problems) : switchedOn;
        boolean webhooksServed = function || serverGiven || port.isPresent();
        List<Adapter> adapters = new ArrayList<>();
        List<String> push = new ArrayList<>();
        for (AdapterProvider provider : candidates) {
            if (conflicts(provider, candidates, problems)) {
                continue;
            }
            Adapter adapter;
            try {
                adapter = provider.create(env, webhooksServed);
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
                continue;
            }
            adapters.add(adapter);
            if (adapter instanceof PushAdapter) {
                push.add(adapter.platform().id());
            } else if (function && adapter instanceof PullAdapter) {
                problems.add(provider.variable() + " switches on " + provider.description() + ", which is configured"
                        + " to pull events on its own threads, and a function is frozen between requests: configure"
                        + " it to receive webhooks");
            }
        }
        if (!function && !push.isEmpty() && !serverGiven && !anyPortSet(env, providers)) {
            // A port variable that is set but malformed was reported already; do not ask for one again.
            problems.add(String.join(" and ", push) + " receive" + (push.size() == 1 ? "s" : "")
                    + " webhooks, which need the embedded webhook server: set " + PORT + " to its port");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        if (!function && adapters.isEmpty() && !hasOtherAdapters) {
            adapters.add(new ConsoleAdapter());
        }
        return new BotEnvironment(adapters, push.isEmpty() || serverGiven ? OptionalInt.empty() : port);
    }

    /**
     * The providers on the class path, ordered by class name so the order of adapters and problems
     * does not depend on the order of jars on the class path; found by the class loader of core, as
     * the serverless entry points find the {@code BotFactory}. Only the service files are read and
     * the providers instantiated (they do no work): no class path scanning, which would cost cold
     * start.
     */
    private static List<AdapterProvider> providers() {
        List<AdapterProvider> providers = new ArrayList<>();
        try {
            // Core's own class loader, not the thread's context loader: a provider must implement this
            // AdapterProvider, which another loader's copy of core (a test loading a function's jar) is not.
            ClassLoader core = AdapterProvider.class.getClassLoader();
            for (AdapterProvider provider : ServiceLoader.load(AdapterProvider.class, core)) {
                providers.add(provider);
            }
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException("META-INF/services/" + AdapterProvider.class.getName()
                    + " names a class that cannot be used as an AdapterProvider: " + e.getMessage());
        }
        providers.sort(BY_CLASS_NAME);
        return providers;
    }

    /** True, after reporting it once, when another switched-on provider serves the same platform. */
    private static boolean conflicts(AdapterProvider provider, List<AdapterProvider> switchedOn, List<String> problems) {
        List<AdapterProvider> same = samePlatform(provider, switchedOn);
        if (same.size() < 2) {
            return false;
        }
        if (same.get(0) == provider) {
            problems.add(join(variables(same), " and ") + " are both set, but they switch on "
                    + join(described(same), " and ") + ", and a bot has one adapter for the platform "
                    + provider.platform().id() + ": unset all but one of them");
        }
        return true;
    }

    /**
     * A function needs a platform that receives webhooks, and refuses one that only pulls.
     *
     * @return the switched-on providers that can receive webhooks
     */
    private static List<AdapterProvider> checkFunction(List<AdapterProvider> providers,
            List<AdapterProvider> switchedOn, List<String> problems) {
        List<AdapterProvider> webhookProviders = new ArrayList<>();
        for (AdapterProvider provider : providers) {
            if (provider.canReceiveWebhooks()) {
                webhookProviders.add(provider);
            }
        }
        List<AdapterProvider> candidates = new ArrayList<>();
        for (AdapterProvider provider : switchedOn) {
            if (provider.canReceiveWebhooks()) {
                candidates.add(provider);
                continue;
            }
            List<AdapterProvider> instead = samePlatform(provider, webhookProviders);
            problems.add(provider.variable() + " switches on " + provider.description() + ", which needs a"
                    + " long-running process: " + (instead.isEmpty() ? "" : "a function serves "
                            + provider.platform().id() + " through " + join(described(instead), " or ") + ", so ")
                    + "unset " + provider.variable());
        }
        if (candidates.isEmpty()) {
            problems.add(0, webhookProviders.isEmpty()
                    ? "no adapter that receives webhooks is on the class path, so a function has nothing to serve: add"
                            + " one, such as dev.chorusbot:adapter-telegram"
                    : (webhookProviders.size() == 1 ? webhookProviders.get(0).variable() + " is not set"
                            : "neither " + join(variables(webhookProviders), " nor ") + " is set")
                            + ": a function serves " + join(described(webhookProviders), " and/or ")
                            + ", so set at least one of them");
        }
        return candidates;
    }

    /** The webhook server's port from {@value #PORT} or the providers' own port variables. */
    private static OptionalInt port(Map<String, String> env, List<AdapterProvider> providers,
            List<AdapterProvider> switchedOn, List<String> problems) {
        OptionalInt chorus = isSet(env, PORT) ? parsePort(env, PORT, problems) : OptionalInt.empty();
        OptionalInt result = chorus;
        for (AdapterProvider provider : providers) {
            String name = provider.portVariable().orElse(null);
            if (name == null || !isSet(env, name)) {
                continue;
            }
            // A switched-on adapter reports its own malformed port variable; do not say it twice.
            OptionalInt value = parsePort(env, name, switchedOn.contains(provider) ? new ArrayList<>() : problems);
            if (chorus.isPresent() && value.isPresent() && chorus.getAsInt() != value.getAsInt()) {
                problems.add(PORT + " is " + chorus.getAsInt() + " but " + name + " is " + value.getAsInt()
                        + ": one webhook server serves every push platform, so set only " + PORT);
            }
            if (result.isEmpty()) {
                result = value;
            }
        }
        return result;
    }

    private static boolean anyPortSet(Map<String, String> env, List<AdapterProvider> providers) {
        if (isSet(env, PORT)) {
            return true;
        }
        for (AdapterProvider provider : providers) {
            String name = provider.portVariable().orElse(null);
            if (name != null && isSet(env, name)) {
                return true;
            }
        }
        return false;
    }

    private static List<AdapterProvider> samePlatform(AdapterProvider provider, List<AdapterProvider> among) {
        List<AdapterProvider> same = new ArrayList<>();
        for (AdapterProvider other : among) {
            if (other.platform().equals(provider.platform())) {
                same.add(other);
            }
        }
        return same;
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

    private static List<String> variables(List<AdapterProvider> providers) {
        List<String> names = new ArrayList<>();
        for (AdapterProvider provider : providers) {
            names.add(provider.variable());
        }
        return names;
    }

    private static List<String> described(List<AdapterProvider> providers) {
        List<String> descriptions = new ArrayList<>();
        for (AdapterProvider provider : providers) {
            descriptions.add(provider.description() + " (" + provider.variable() + ")");
        }
        return descriptions;
    }

    private static String join(List<String> parts, String lastSeparator) {
        if (parts.size() < 2) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + lastSeparator + parts.get(parts.size() - 1);
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
