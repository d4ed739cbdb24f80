package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.Test;

/**
 * A Lambda function URL: payload format 2.0 at the URL's root path ({@code /}), which reaches the
 * bot's only push adapter.
 */
class AwsFunctionUrlTest extends AwsEventContract {

    @Override
    protected String template() {
        return AwsEvents.FUNCTION_URL;
    }

    @Test
    void theEventTemplateIsOneAwsOwnEventTypeReads() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(AwsEvents.FUNCTION_URL);

        assertThat(event.getRequestContext().getDomainName()).endsWith(".lambda-url.eu-central-1.on.aws");
        assertThat(event.getRawPath()).isEqualTo("/");
    }
}
