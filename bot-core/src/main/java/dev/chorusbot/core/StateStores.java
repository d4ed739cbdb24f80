package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import dev.chorusbot.core.time.Scheduler;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Chooses a {@link StateStore} by one string, the value of {@value #VARIABLE} for a bot built from
 * the environment ({@link Bot.Builder#fromEnv()}) or of {@link Bot.Builder#stateStore(String)}:
 * <ul>
 *   <li>{@code memory}: the {@link InMemoryStateStore}, the default; state lives and dies with the
 *       process;</li>
 *   <li>{@code file:/var/lib/mybot/state}: a durable store in one file for one machine (module
 *       {@code dev.chorusbot:bot-state-file});</li>
 *   <li>{@code redis://[user:password@]host:port[/db]}, or {@code rediss://…} for TLS: Redis, shared
 *       by every instance of a bot (module {@code dev.chorusbot:bot-state-redis}).</li>
 * </ul>
 * The modules are found through {@link StateStoreProvider}; a value whose module is not on the
 * class path, or a value of none of these forms, is one sentence naming its source. Messages never
 * repeat a password.
 *
 * <pre>{@code
 * StateStore store = StateStores.create("redis://localhost:6379/0");
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class StateStores {
    /** The environment variable that chooses the store. */
    public static final String VARIABLE = "CHORUS_STATE";

    /** The store modules core knows by name, so that a missing one is named in the error. */
    private static final Map<String, String> MODULES = Map.of(
            "file", "dev.chorusbot:bot-state-file",
            "redis", "dev.chorusbot:bot-state-redis",
            "rediss", "dev.chorusbot:bot-state-redis");

    private StateStores() {}

    /**
     * The store {@code choice} names, on the system clock.
     *
     * @param choice {@code memory}, {@code file:<path>}, {@code redis://…} or {@code rediss://…}
     * @return a new store; close it when it is {@link AutoCloseable}
     * @throws ConfigurationException when the choice is malformed or its module is missing
     */
    public static StateStore create(String choice) {
        return create(choice, "StateStores.create(...)", Scheduler.system());
    }

    /**
     * The store {@value #VARIABLE} chooses in {@code env}, on the system clock; the in-memory store
     * when it is unset or blank. For a program that needs the store before the bot, such as one
     * whose commands hold it:
     *
     * <pre>{@code
     * StateStore state = StateStores.fromEnv(System.getenv());
     * Bot bot = Bot.builder().stateStore(state).commands(new Counter(state)).fromEnv().build();
     * }</pre>
     *
     * @param env the variables by name, such as {@code System.getenv()}
     * @return a new store; close it when it is {@link AutoCloseable}
     * @throws ConfigurationException naming {@value #VARIABLE} when its value is malformed or its
     *     module is missing
     */
    public static StateStore fromEnv(Map<String, String> env) {
        String value = notNull(env, "env").get(VARIABLE);
        return create(value == null || value.isBlank() ? "memory" : value, VARIABLE, Scheduler.system());
    }

    /** Whether {@code choice} names the in-memory store. */
    static boolean isMemory(String choice) {
        return choice.strip().equalsIgnoreCase("memory");
    }

    static StateStore create(String choice, String source, Scheduler scheduler) {
        String value = notNull(choice, "choice").strip();
        if (isMemory(value)) {
            return new InMemoryStateStore(scheduler, 100_000);
        }
        List<String> problems = check(value, source);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return provider(scheme(value)).create(value, source, scheduler);
    }

    /**
     * The problems of {@code choice} that are found without making a store: a form that is none of
     * the accepted ones, or a module that is not on the class path.
     */
    static List<String> check(String choice, String source) {
        String value = choice.strip();
        if (isMemory(value)) {
            return List.of();
        }
        String scheme = scheme(value);
        String module = MODULES.get(scheme);
        if (module == null) {
            return List.of(source + " must be memory, file:<path>, redis://host:port or rediss://host:port, was '"
                    + redacted(value) + "'");
        }
        if (provider(scheme) == null) {
            return List.of(source + " chooses a " + scheme + ": store, but the module " + module
                    + " that provides it is not on the class path: add it as a dependency");
        }
        return List.of();
    }

    private static String scheme(String value) {
        int colon = value.indexOf(':');
        return colon > 0 ? value.substring(0, colon).toLowerCase(Locale.ROOT) : "";
    }

    /**
     * The value for a message: the part between {@code //} and the last {@code @} (user and
     * password) is left out.
     *
     * @param value a store choice
     * @return the value without credentials
     */
    public static String redacted(String value) {
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return value;
        }
        int start = value.indexOf("//");
        start = start >= 0 && start < at ? start + 2 : value.indexOf(':') + 1;
        return value.substring(0, start) + "…" + value.substring(at);
    }

    /** The provider of {@code scheme} on the class path, found by core's class loader, or null. */
    private static StateStoreProvider provider(String scheme) {
        try {
            for (StateStoreProvider provider
                    : ServiceLoader.load(StateStoreProvider.class, StateStoreProvider.class.getClassLoader())) {
                if (provider.schemes().contains(scheme)) {
                    return provider;
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException("META-INF/services/" + StateStoreProvider.class.getName()
                    + " names a class that cannot be used as a StateStoreProvider: " + e.getMessage());
        }
        return null;
    }
}
