package dev.chorusbot.serverless.internal;

import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda SnapStart's runtime hook: before Lambda takes the snapshot of an initialised function, it
 * runs the event codec {@value #ROUNDS} times more, so the snapshot holds the codec's classes
 * loaded and its hot methods already compiled, which a function restored from it would otherwise
 * interpret in its first invocations. Registered only when Lambda initialises the function for a
 * snapshot ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); otherwise the CRaC API is not even
 * loaded.
 *
 * <p>Nothing of the bot runs: a handler may have effects, and the de-duplication and rate-limit
 * state must not record an update no one sent. The bot itself holds no Bot API connection at
 * that point (a Telegram function asks getMe only for an update that needs it), so there is none
 * to close before the snapshot either.
 */
public final class SnapStartPriming implements Resource {
    private static final Logger log = LoggerFactory.getLogger(SnapStartPriming.class);
    /** Enough for the codec's methods to reach the C1 compiler's thresholds (1,500 invocations with loops). */
    static final int ROUNDS = 2_000;
    /** The CRaC context keeps its resources weakly: this keeps the hook alive. */
    private static volatile SnapStartPriming registered;

    SnapStartPriming() {}

    /**
     * Registers the hook with the global CRaC context when Lambda initialises for a snapshot.
     *
     * @param env the process environment
     * @return whether the hook was registered
     */
    public static synchronized boolean registerFor(Map<String, String> env) {
        if (!"snap-start".equals(env.get("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            return false;
        }
        if (registered == null) {
            SnapStartPriming hook = new SnapStartPriming();
            Core.getGlobalContext().register(hook);
            registered = hook;
        }
        return true;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            Priming.run();
        }
        log.info("Primed the event codec {} times for the snapshot in {} ms", ROUNDS,
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the bot opens connections only when it first sends.
    }
}
