package dev.chorusbot.spring;

import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.core.webhook.WebhookRoutes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves {@link WebhookRoutes} from Spring MVC with the embedded host's rules: a body declared
 * over the limit is answered 413 unread, any other is read up to one byte past the limit and the
 * routes answer (404, 405, 413 and the endpoint's own answers), an endpoint that throws is
 * answered 500 and logged, and an answer that cannot be written runs its
 * {@link WebhookResponse#undelivered fallback}.
 */
final class ServletWebhookHandler {

    private ServletWebhookHandler() {}

    /**
     * A route matching the paths {@code routes} serve; they are known once the bot has started, so
     * the match is made per request.
     */
    static RouterFunction<ServerResponse> routes(WebhookRoutes routes) {
        return RouterFunctions.route(request -> routes.routedPath(request.path()).isPresent(),
                request -> serve(routes, request));
    }

    private static ServerResponse serve(WebhookRoutes routes, ServerRequest request) throws IOException {
        HttpServletRequest servlet = request.servletRequest();
        String path = request.path();
        WebhookResponse response;
        if (servlet.getMethod().equals("POST") && servlet.getContentLengthLong() > routes.maxBodyBytes()) {
            response = routes.tooLarge();
        } else {
            byte[] body;
            try (InputStream in = servlet.getInputStream()) {
                body = in.readNBytes(routes.maxBodyBytes() + 1);
            }
            response = HostedWebhooks.handle(routes,
                    new WebhookRequest(servlet.getMethod(), path, headers(servlet), body));
        }
        ServerResponse.BodyBuilder answer = ServerResponse.status(response.status());
        response.headers().forEach(answer::header);
        WebhookResponse written = response;
        return answer.build((servletRequest, servletResponse) -> {
            write(path, written, servletRequest, servletResponse);
            return null;
        });
    }

    /**
     * Writes the answer's body and flushes it, so that a caller gone before the last byte is known
     * here; the answer's fallback then does what it carried (a Telegram reply goes by the API).
     */
    private static void write(String path, WebhookResponse response, HttpServletRequest request,
            HttpServletResponse servlet) throws IOException {
        byte[] body = response.body();
        try {
            if (body.length > 0 && !request.getMethod().equals("HEAD")) {
                servlet.setContentLength(body.length);
                servlet.getOutputStream().write(body);
            }
            servlet.flushBuffer();
        } catch (IOException e) {
            HostedWebhooks.undelivered(path, response, e);
            throw e;
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest servlet) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(servlet.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(servlet.getHeaders(name))));
        }
        return headers;
    }
}
