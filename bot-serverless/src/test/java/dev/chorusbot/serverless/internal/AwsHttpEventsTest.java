package dev.chorusbot.serverless.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorusbot.core.webhook.WebhookResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsHttpEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void putsFormat2CookiesBackIntoOneCookieHeader() throws Exception {
        JsonNode event = JSON.readTree("{\"version\":\"2.0\",\"rawPath\":\"/t\",\"cookies\":[\"a=1\",\"b=2\"],"
                + "\"headers\":{\"content-type\":\"application/json\"},"
                + "\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/t\"}},\"isBase64Encoded\":false}");

        AwsHttpEvents.Decoded decoded = AwsHttpEvents.decode(event);

        assertThat(decoded.format()).isEqualTo(AwsHttpEvents.Format.V2);
        assertThat(decoded.request().header("Cookie")).contains("a=1; b=2");
        assertThat(decoded.request().body()).isEmpty();
    }

    @Test
    void keepsEveryValueOfAFormat1MultiValueHeaderWhateverTheCase() throws Exception {
        JsonNode event = JSON.readTree("{\"httpMethod\":\"post\",\"path\":\"/t\","
                + "\"headers\":{\"X-Forwarded-For\":\"2.2.2.2\",\"Accept\":\"*/*\"},"
                + "\"multiValueHeaders\":{\"X-Forwarded-For\":[\"1.1.1.1\",\"2.2.2.2\"]},\"body\":\"{}\"}");

        AwsHttpEvents.Decoded decoded = AwsHttpEvents.decode(event);

        assertThat(decoded.format()).isEqualTo(AwsHttpEvents.Format.V1);
        assertThat(decoded.request().method()).isEqualTo("POST");
        assertThat(decoded.request().headers().get("x-forwarded-for")).containsExactly("1.1.1.1", "2.2.2.2");
        assertThat(decoded.request().header("ACCEPT")).contains("*/*");
        assertThat(decoded.request().body()).isEqualTo("{}".getBytes());
    }

    @Test
    void treatsAnHttpApiEventInPayloadFormat1AsFormat1() throws Exception {
        JsonNode event = JSON.readTree("{\"version\":\"1.0\",\"httpMethod\":\"POST\",\"path\":\"/t\","
                + "\"headers\":{},\"body\":\"x\"}");

        assertThat(AwsHttpEvents.decode(event).format()).isEqualTo(AwsHttpEvents.Format.V1);
    }

    @Test
    void writesBinaryBodiesAsBase64() {
        WebhookResponse response = new WebhookResponse(200, Map.of("Content-Type", "application/octet-stream"),
                new byte[] {0, (byte) 0xff, 1});

        JsonNode out = AwsHttpEvents.encode(AwsHttpEvents.Format.V2, response);

        assertThat(out.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(out.path("body").asText()).isEqualTo("AP8B");
    }

    @Test
    void writesTextDeclaredBodiesThatAreNotUtf8AsBase64() {
        WebhookResponse response = new WebhookResponse(200, Map.of("content-type", "text/plain"),
                new byte[] {(byte) 0xc3, (byte) 0x28});

        JsonNode out = AwsHttpEvents.encode(AwsHttpEvents.Format.V1, response);

        assertThat(out.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(out.path("multiValueHeaders").path("content-type").get(0).asText()).isEqualTo("text/plain");
    }
}
