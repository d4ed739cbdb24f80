package dev.chorusbot.spring;

import dev.chorusbot.core.webhook.WebhookHost;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.core.webhook.WebhookRoutes;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What both Spring webhook handlers do alike around the routes, as the embedded host does. */
final class HostedWebhooks {
    private static final Logger log = LoggerFactory.getLogger(HostedWebhooks.class);

    private HostedWebhooks() {}

    /** The routes' answer for a long-running host; 500, logged, when an endpoint throws. */
    static WebhookResponse handle(WebhookRoutes routes, WebhookRequest request) {
        try {
            return routes.handle(request, WebhookHost.longRunning());
        } catch (RuntimeException e) {
            log.error("Webhook endpoint for {} failed", request.path(), e);
            return WebhookResponse.text(500, "Internal Server Error");
        }
    }

    /** The caller is gone before the answer was written: its fallback does what it carried. */
    static void undelivered(String path, WebhookResponse response, IOException cause) {
        if (response.fallback() == WebhookResponse.Fallback.NONE) {
            log.debug("The answer to {} could not be written: {}", path, cause.toString());
            return;
        }
        try {
            response.undelivered(cause);
        } catch (RuntimeException e) {
            log.error("The fallback of the answer to {} failed", path, e);
        }
    }
}
