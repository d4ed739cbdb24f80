package dev.chorusbot.core.webhook;

/**
 * Handles one webhook request synchronously: the response is returned once the event was handled
 * and, in a serverless host, every message it caused was sent (the container may be frozen right
 * after the response).
 *
 * <p>Implementations must be thread-safe; hosts call them from several threads at once.
 */
@FunctionalInterface
public interface WebhookEndpoint {

    /**
     * Handles {@code request}; never throws for bad input, which gets a 4xx response instead.
     *
     * @param request the request as received, with lower-case header names
     * @return the response to write back to the caller
     */
    WebhookResponse handle(WebhookRequest request);
}
