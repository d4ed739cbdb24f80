package dev.chorusbot.spring;

import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.core.webhook.WebhookRoutes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves {@link WebhookRoutes} from Spring WebFlux with the embedded host's rules, as
 * {@link ServletWebhookHandler} does for Spring MVC. The body is collected up to the limit without
 * blocking; the routes, which wait for the bot's answer, run on Reactor's bounded elastic
 * scheduler, never on an event-loop thread.
 */
final class ReactiveWebhookHandler {
    private static final byte[] TOO_LARGE = new byte[0];

    private ReactiveWebhookHandler() {}

    /** A route matching the paths {@code routes} serve, decided per request as for Spring MVC. */
    static RouterFunction<ServerResponse> routes(WebhookRoutes routes) {
        return RouterFunctions.route(request -> routes.routedPath(request.path()).isPresent(),
                request -> serve(routes, request));
    }

    private static Mono<ServerResponse> serve(WebhookRoutes routes, ServerRequest request) {
        String method = request.method().name();
        String path = request.path();
        if (method.equals("POST") && request.headers().contentLength().orElse(-1) > routes.maxBodyBytes()) {
            return answer(path, routes.tooLarge());
        }
        Mono<byte[]> body = DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), routes.maxBodyBytes())
                .map(ReactiveWebhookHandler::bytes)
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(TOO_LARGE))
                .defaultIfEmpty(new byte[0]);
        Map<String, List<String>> headers = headers(request);
        return body.flatMap(bytes -> bytes == TOO_LARGE
                ? answer(path, routes.tooLarge())
                : Mono.fromCallable(() -> HostedWebhooks.handle(routes,
                                new WebhookRequest(method, path, headers, bytes)))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(response -> answer(path, response)));
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static Mono<ServerResponse> answer(String path, WebhookResponse response) {
        ServerResponse.BodyBuilder answer = ServerResponse.status(response.status());
        response.headers().forEach(answer::header);
        byte[] body = response.body();
        return answer.build((exchange, context) -> {
            var out = exchange.getResponse();
            Mono<Void> written = body.length == 0 || exchange.getRequest().getMethod().name().equals("HEAD")
                    ? out.setComplete()
                    : out.writeWith(Mono.just(out.bufferFactory().wrap(body)));
            return written.onErrorResume(e -> {
                HostedWebhooks.undelivered(path, response,
                        e instanceof IOException io ? io : new IOException(e.getMessage(), e));
                return Mono.error(e);
            });
        });
    }

    private static Map<String, List<String>> headers(ServerRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().asHttpHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        return headers;
    }
}
