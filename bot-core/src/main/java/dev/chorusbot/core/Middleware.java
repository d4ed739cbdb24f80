package dev.chorusbot.core;

/**
 * The one extension point for cross-cutting rules. Each middleware sees every event, may answer it
 * itself, change it, or pass it on with {@link Chain#proceed(Invocation)} — like a servlet filter
 * or an OkHttp interceptor.
 *
 * <pre>{@code
 * Middleware logCommands = (invocation, chain) -> {
 *     invocation.command().ifPresent(c -> log.info("running {}", c.command().name()));
 *     return chain.proceed(invocation);
 * };
 * }</pre>
 *
 * <p>The chain runs: error handling, ignore own messages, de-duplication, then the middleware
 * added with {@code Bot.Builder.middleware(...)} in order, then permissions, cooldowns, and the
 * handler.
 */
@FunctionalInterface
@Api(Api.Status.STABLE)
public interface Middleware {

    /**
     * Handles one invocation.
     *
     * @param invocation the event with the command it invokes, if any
     * @param chain the rest of the chain; call {@link Chain#proceed(Invocation)} to pass on
     * @return the reply to send; {@link Reply#none()} to answer nothing
     * @throws Exception passed outward to the error handling, which logs it and apologises
     */
    Reply handle(Invocation invocation, Chain chain) throws Exception;

    /** The rest of the chain after a middleware. */
    @FunctionalInterface
    interface Chain {

        /**
         * Passes the invocation on and returns what the rest of the chain answered.
         *
         * @param invocation the invocation to pass on, possibly changed
         * @return the reply of the rest of the chain
         * @throws Exception when a later middleware or the handler failed
         */
        Reply proceed(Invocation invocation) throws Exception;
    }
}
