package dev.chorusbot.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A misconfigured bot stops the application with Chorus's problems, told in property names. */
@ExtendWith(OutputCaptureExtension.class)
class FailureAnalysisTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}

    @Test
    void eachProblemIsReportedOnceWithItsPropertyName(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties("chorus.telegram.token=7000000001:AAFakeTokenForChorusTests_0123456789abc",
                        "chorus.telegram.mode=webhook",
                        "chorus.telegram.webhook-secret=not a valid secret!",
                        "chorus.twitch.username=chorus_bot")
                .run())
                .hasRootCauseInstanceOf(ConfigurationException.class);

        assertThat(output).contains("The Chorus bot is misconfigured:")
                .contains("chorus.telegram.webhook-secret")
                .contains("chorus.twitch.oauth-token is not set")
                .contains("chorus.twitch.channels is not set")
                .doesNotContain("TWITCH_OAUTH_TOKEN")
                .doesNotContain("AAFakeTokenForChorusTests");
    }

    @Test
    void withNoPlatformConfiguredTheStartSaysWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run())
                .hasRootCauseInstanceOf(ConfigurationException.class);
        assertThat(output).contains("no platform is configured: set chorus.telegram.token,");
    }

    @Test
    void chorusEnabledFalseBuildsNoBot() {
        try (var context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("chorus.enabled=false").run()) {
            assertThat(context.getBeansOfType(dev.chorusbot.core.Bot.class)).isEmpty();
        }
    }

    @Test
    void variablesAreRenamedAsWholeWordsOnly() {
        assertThat(ChorusProperties.inPropertyNames(
                "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters; TELEGRAM_BOT_TOKEN_X and CHORUS_WEBHOOK_PORT stay"))
                .isEqualTo("chorus.telegram.webhook-secret must be 1-256 characters; TELEGRAM_BOT_TOKEN_X and"
                        + " CHORUS_WEBHOOK_PORT stay");
    }
}
