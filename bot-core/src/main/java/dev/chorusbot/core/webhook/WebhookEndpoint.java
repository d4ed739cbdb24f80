package dev.chorusbot.core.webhook;

import dev.chorusbot.core.Api;

/**
 * Handles one webhook request synchronously: the response is returned once the event was handled
 * and, in a serverless host, every message it caused was sent (the container may be frozen right
 * after the response).
 *
 * <p>Implementations must be thread-safe; hosts call them from several threads at once.
 */
@FunctionalInterface
@Api(Api.Status.EXPERIMENTAL)
public interface WebhookEndpoint {

    /**
     * Handles {@code request}; never throws for bad input, which gets a 4xx response instead.
     *
     * @param request the request as received, with lower-case header names
     * @return the response to write back to the caller
     */
    WebhookResponse handle(WebhookRequest request);

    /**
     * Handles {@code request} for a host that says what it allows: a {@link
     * WebhookHost#longRunning() long-running} host gets its answer without waiting for a platform's
     * send limits, a {@link WebhookHost#function(java.time.Duration) function} gets it once every
     * send is done, within its time left. By default the host is not consulted.
     *
     * @param request the request as received, with lower-case header names
     * @param host what the host allows
     * @return the response to write back to the caller
     */
    default WebhookResponse handle(WebhookRequest request, WebhookHost host) {
        return handle(request);
    }
}
