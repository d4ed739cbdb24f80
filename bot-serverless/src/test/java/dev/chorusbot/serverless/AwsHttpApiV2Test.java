package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** API Gateway HTTP API, payload format 2.0, with a stage prefix in the path ({@code /prod/telegram}). */
class AwsHttpApiV2Test extends AwsEventContract {

    @Override
    protected String template() {
        return AwsEvents.HTTP_API_V2;
    }

    @Test
    void theEventTemplateIsOneAwsOwnEventTypeReads() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(AwsEvents.HTTP_API_V2);

        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(event.getRawPath()).isEqualTo("/prod/telegram");
        assertThat(event.getHeaders()).containsEntry("content-type", "application/json");
    }

    @Test
    void handlesAnEventSerialisedFromAwsOwnEventType() throws Exception {
        APIGatewayV2HTTPEvent typed = EventLoader.loadApiGatewayHttpEvent(AwsEvents.HTTP_API_V2);
        typed.setBody(message(newUser(), "/hello"));
        typed.getHeaders().put("x-telegram-bot-api-secret-token", SECRET);
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader())
                .toJson(typed, event);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.toByteArray()), out, null);

        APIGatewayV2HTTPResponse response = LambdaEventSerializers
                .serializerFor(APIGatewayV2HTTPResponse.class, getClass().getClassLoader())
                .fromJson(new ByteArrayInputStream(out.toByteArray()));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getIsBase64Encoded()).isFalse();
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(response.getBody()).contains("\"text\":\"hello Viktor Petrov!\"");
    }

    @Test
    void answersInFormat2WithoutMultiValueHeaders() throws Exception {
        JsonNode response = invoke(AwsEvents.event(template(), telegram.update("poll", "{\"id\":\"5\"}").json(),
                withSecret(SECRET), false));

        assertThat(response.has("multiValueHeaders")).isFalse();
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("body").asText()).isEmpty();
        assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
    }
}
