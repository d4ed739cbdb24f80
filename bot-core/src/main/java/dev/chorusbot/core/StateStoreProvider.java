package dev.chorusbot.core;

import dev.chorusbot.core.time.Scheduler;
import java.util.List;

/**
 * Builds a {@link StateStore} from a {@code CHORUS_STATE} value (see {@link StateStores}). Core
 * depends on no store module: a module names its provider in {@code
 * META-INF/services/dev.chorusbot.core.StateStoreProvider}, and core finds it with {@link
 * java.util.ServiceLoader}, as it finds {@link AdapterProvider}s.
 *
 * <p>An implementation is a public class with a public no-argument constructor that does no work.
 */
@Api(Api.Status.EXPERIMENTAL)
public interface StateStoreProvider {

    /**
     * The schemes of the values this provider builds a store for.
     *
     * @return lower-case schemes without the colon, such as {@code redis} and {@code rediss}
     */
    List<String> schemes();

    /**
     * Builds the store a value names.
     *
     * @param value the whole value, such as {@code redis://localhost:6379/0}; may hold a password,
     *     which no message may repeat
     * @param source where the value came from, for the problems' sentences: {@code CHORUS_STATE},
     *     or {@code stateStore(...)}
     * @param scheduler the bot's scheduler, for a store that reads the time
     * @return a new store; connects lazily or at once, as the store documents
     * @throws ConfigurationException naming {@code source} when the value is malformed
     */
    StateStore create(String value, String source, Scheduler scheduler);
}
