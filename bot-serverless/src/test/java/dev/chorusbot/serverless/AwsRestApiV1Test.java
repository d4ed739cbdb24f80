package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** API Gateway REST API (Lambda proxy integration), payload format 1.0, headers in their sent case. */
class AwsRestApiV1Test extends AwsEventContract {

    @Override
    protected String template() {
        return AwsEvents.REST_API_V1;
    }

    @Test
    void theEventTemplateIsOneAwsOwnEventTypeReads() {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent(AwsEvents.REST_API_V1);

        assertThat(event.getHttpMethod()).isEqualTo("POST");
        assertThat(event.getMultiValueHeaders().get("Content-Type")).containsExactly("application/json");
    }

    @Test
    void readsTheSecretFromMultiValueHeadersWhenHeadersLacksIt() throws Exception {
        ObjectNode event = AwsEvents.event(template(), message(newUser(), "/hello"),
                withSecret(SECRET), false);
        ((ObjectNode) event.get("headers")).remove(SECRET_HEADER);

        JsonNode response = invoke(event);

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void readsTheSecretFromHeadersWhenTheEventHasNoMultiValueHeaders() throws Exception {
        ObjectNode event = AwsEvents.event(template(), message(newUser(), "/hello"),
                withSecret(SECRET), false);
        event.putNull("multiValueHeaders");

        JsonNode response = invoke(event);

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void answersInFormat1ThatAwsOwnResponseTypeReads() throws Exception {
        JsonNode raw = invoke(AwsEvents.event(template(), message(newUser(), "/hello"),
                withSecret(SECRET), false));

        APIGatewayProxyResponseEvent response = LambdaEventSerializers
                .serializerFor(APIGatewayProxyResponseEvent.class, getClass().getClassLoader())
                .fromJson(new ByteArrayInputStream(AwsEvents.json(raw).getBytes(StandardCharsets.UTF_8)));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(response.getMultiValueHeaders().get("Content-Type")).containsExactly("application/json");
        assertThat(response.getIsBase64Encoded()).isFalse();
        assertThat(response.getBody()).contains("\"text\":\"hello Viktor Petrov!\"");
    }
}
