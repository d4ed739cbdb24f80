package dev.chorusbot.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** IDEs complete the properties from the metadata the annotation processor writes. */
class ConfigurationMetadataTest {
    @Test
    void everyPropertyHasMetadataWithADescription() throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String property : ChorusProperties.propertyNames().values()) {
            assertThat(json).contains("\"name\": \"" + property + "\"");
        }
        assertThat(json).contains("\"name\": \"chorus.twitch.eventsub.channels\"")
                .contains("\"name\": \"chorus.enabled\"")
                .contains("The bot token from @BotFather");
    }
}
