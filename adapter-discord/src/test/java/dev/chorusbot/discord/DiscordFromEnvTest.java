package dev.chorusbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.AdapterProvider;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DiscordFromEnvTest {

    private static AdapterProvider provider() {
        return ServiceLoader.load(AdapterProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.platform().equals(Discord.PLATFORM)).findFirst().orElseThrow();
    }

    @Test
    void theProviderIsSwitchedOnByTheBotToken() {
        AdapterProvider provider = provider();

        assertThat(provider.variable()).isEqualTo("DISCORD_BOT_TOKEN");
        assertThat(provider.description()).isEqualTo("Discord");
        assertThat(provider.canReceiveWebhooks()).isTrue();
    }

    @Test
    void aBadVariableFailsTheProviderNamingIt() {
        assertThatThrownBy(() -> provider().create(Map.of("DISCORD_BOT_TOKEN", FakeDiscordApi.DEFAULT_TOKEN,
                "DISCORD_MODE", "polling"), false))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("DISCORD_MODE must be 'gateway' or 'interactions', was 'polling'"));
    }
}
