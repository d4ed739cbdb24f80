package dev.chorusbot.core;

import dev.chorusbot.core.webhook.WebhookEndpoint;

/**
 * An adapter whose platform calls it: each event arrives as an HTTP request to a webhook. Its
 * {@link #endpoint()} turns requests into events and answers them; where the endpoint is hosted is
 * a separate choice: the embedded {@code WebhookServer}, a serverless function, or a server the
 * user already runs.
 */
@Api(Api.Status.EXPERIMENTAL)
public interface PushAdapter extends Adapter {

    /**
     * The URL path this adapter's webhook listens on, such as {@code /telegram}.
     *
     * @return the path, starting with {@code /}
     */
    String webhookPath();

    /**
     * {@link #webhookPath()} as logs, exception messages and {@code toString()} may show it: with
     * any secret it holds masked (Telegram suggests the bot token as an unguessable path).
     *
     * @return the path with its secrets masked; by default the path itself
     */
    default String shownWebhookPath() {
        return webhookPath();
    }

    /**
     * The endpoint that handles webhook requests; valid once {@link #start(EventSink)} returned.
     *
     * @return the endpoint the bot routes {@link #webhookPath()} to
     */
    WebhookEndpoint endpoint();
}
