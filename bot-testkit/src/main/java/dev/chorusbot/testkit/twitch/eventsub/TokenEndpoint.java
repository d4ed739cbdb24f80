package dev.chorusbot.testkit.twitch.eventsub;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code POST /oauth2/token}: the client credentials flow, and the tokens it issued. */
final class TokenEndpoint {
    private final String clientId;
    private final String clientSecret;
    private final long lifetimeSeconds;
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();

    TokenEndpoint(String clientId, String clientSecret, long lifetimeSeconds) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.lifetimeSeconds = lifetimeSeconds;
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    boolean valid(String token) {
        return valid.contains(token);
    }

    void expireAll() {
        valid.clear();
    }

    int issued() {
        return issued.get();
    }

    void serve(HttpExchange exchange, String query, byte[] body) throws IOException {
        Map<String, List<String>> params = HelixHttp.params(query);
        HelixHttp.params(new String(body, StandardCharsets.UTF_8))
                .forEach((k, v) -> params.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        if (!exchange.getRequestMethod().equals("POST")) {
            HelixHttp.send(exchange, 405, new byte[0]);
            return;
        }
        if (!HelixHttp.first(params, "grant_type").equals("client_credentials")) {
            HelixHttp.send(exchange, 400, EventSubJson.bytes(EventSubJson.object().put("status", 400)
                    .put("message", "unsupported grant type")));
            return;
        }
        if (!HelixHttp.first(params, "client_id").equals(clientId)) {
            HelixHttp.send(exchange, 400, EventSubJson.bytes(EventSubJson.object().put("status", 400)
                    .put("message", "invalid client")));
            return;
        }
        if (!HelixHttp.first(params, "client_secret").equals(clientSecret)) {
            HelixHttp.send(exchange, 403, EventSubJson.bytes(EventSubJson.object().put("status", 403)
                    .put("message", "invalid client secret")));
            return;
        }
        String token = "fakeapptoken" + issued.incrementAndGet() + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12);
        valid.add(token);
        HelixHttp.send(exchange, 200, EventSubJson.bytes(EventSubJson.object().put("access_token", token)
                .put("expires_in", lifetimeSeconds).put("token_type", "bearer")));
    }
}
