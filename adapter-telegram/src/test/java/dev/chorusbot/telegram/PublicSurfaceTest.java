package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.testkit.TestBot;
import org.junit.jupiter.api.Test;

/** Both Telegram adapters show the same public platform and capabilities, and the testkit renders alike. */
class PublicSurfaceTest {
    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @Test
    void bothAdaptersReportThePublicPlatformAndCapabilities() {
        TelegramConfig config = TelegramConfig.builder().token(TOKEN).username("my_bot").build();

        assertThat(new TelegramAdapter(config).platform()).isEqualTo(TelegramAdapter.PLATFORM);
        assertThat(new TelegramAdapter(config).capabilities()).isEqualTo(TelegramAdapter.CAPABILITIES);
        assertThat(new TelegramPollingAdapter(config).platform()).isEqualTo(TelegramPollingAdapter.PLATFORM)
                .isEqualTo(TelegramAdapter.PLATFORM);
        assertThat(new TelegramPollingAdapter(config).capabilities()).isEqualTo(TelegramAdapter.CAPABILITIES);
        assertThat(TelegramAdapter.PLATFORM.id()).isEqualTo("telegram");
    }

    @Test
    void theTestkitsTelegramLikeAdapterRendersAsTelegramDoes() {
        // The testkit cannot depend on this module (this module's tests use the testkit), so it
        // holds a copy of the constants; this keeps the copy honest.
        assertThat(TestBot.telegramLike().platform()).isEqualTo(TelegramAdapter.PLATFORM);
        assertThat(TestBot.telegramLike().capabilities()).isEqualTo(TelegramAdapter.CAPABILITIES);
    }
}
