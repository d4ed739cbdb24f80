package dev.chorusbot.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How far a public type of Chorus may still change, shown at the top of its Javadoc. Every public
 * type outside an {@code internal} package carries one; a nested type has its enclosing type's.
 *
 * <ul>
 *   <li>{@link Status#STABLE}: what a bot author writes against (the bot and its builder, commands,
 *       the model, replies, the adapters with their configurations and failures, the serverless
 *       entry points, {@code TestBot}). It changes only in a minor release while Chorus is 0.x
 *       (0.1 to 0.2), and in a major release from 1.0 on, each change listed in the change log.
 *   <li>{@link Status#EXPERIMENTAL}: what may still move before 1.0 (the SPIs for adapter and host
 *       writers, the state store, the time seam, platforms' raw types, the testkit's fakes). It may
 *       change in any release, a patch release included, and the change log says so.
 * </ul>
 *
 * <pre>{@code
 * @Api(Api.Status.EXPERIMENTAL)
 * public interface StateStore { ... }
 * }</pre>
 */
@Api(Api.Status.STABLE)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Api {
    /**
     * How far the type may still change.
     *
     * @return the type's status
     */
    Status value();

    /** How far a type may still change; see {@link Api}. */
    enum Status {
        /** Changes only in a minor release before 1.0 and a major one after, listed in the change log. */
        STABLE,
        /** May change in any release, listed in the change log. */
        EXPERIMENTAL
    }
}
