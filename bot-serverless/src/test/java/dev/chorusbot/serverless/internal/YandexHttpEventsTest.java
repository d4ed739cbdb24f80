package dev.chorusbot.serverless.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.webhook.WebhookRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YandexHttpEventsTest {

    private static Map<String, Object> invocation() {
        Map<String, Object> event = new HashMap<>();
        event.put("httpMethod", "POST");
        event.put("headers", Map.of("Content-Type", "application/json"));
        event.put("multiValueHeaders", Map.of("Content-Type", List.of("application/json")));
        event.put("queryStringParameters", Map.of());
        event.put("requestContext", Map.of("httpMethod", "POST"));
        event.put("body", "{}");
        event.put("isBase64Encoded", false);
        return event;
    }

    @Test
    void readsTheActualPathFromTheUrlOfAnApiGatewayCallInFormat01() {
        // API Gateway payload format 0.1: "url" is the request's path, "path" the specification's
        // path it matched (a template such as /{platform}).
        Map<String, Object> event = invocation();
        event.put("url", "/twitch");
        event.put("path", "/{platform}");
        event.put("pathParams", Map.of("platform", "twitch"));

        WebhookRequest request = YandexHttpEvents.decode(event);

        assertThat(request.path()).isEqualTo("/twitch");
    }

    @Test
    void leavesTheQueryStringOutOfThePathTakenFromTheUrl() {
        Map<String, Object> event = invocation();
        event.put("url", "/telegram?source=setWebhook");
        event.put("path", "/{route+}");

        assertThat(YandexHttpEvents.decode(event).path()).isEqualTo("/telegram");
    }

    @Test
    void readsThePathOfAnApiGatewayCallInFormat10() {
        // Payload format 1.0 (AWS-compatible): "path" is the request's path, "resource" the template.
        Map<String, Object> event = invocation();
        event.put("version", "1.0");
        event.put("resource", "/{platform}");
        event.put("path", "/telegram");

        assertThat(YandexHttpEvents.decode(event).path()).isEqualTo("/telegram");
    }

    @Test
    void usesTheRootPathForADirectCallWhichCarriesNoPath() {
        Map<String, Object> event = invocation();
        event.put("url", "");

        assertThat(YandexHttpEvents.decode(event).path()).isEqualTo("/");
    }
}
