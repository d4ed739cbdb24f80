package dev.chorusbot.twitch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.PlatformException;
import dev.chorusbot.testkit.TestBot;
import org.junit.jupiter.api.Test;

/** Twitch's public constants, the testkit's copy of them, and the shape of its failures. */
class PublicSurfaceTest {
    @Test
    void theTestkitsTwitchLikeAdapterRendersAsTwitchDoes() {
        // The testkit cannot depend on this module (this module's tests use the testkit), so it
        // holds a copy of the constants; this keeps the copy honest.
        assertThat(TestBot.twitchLike().platform()).isEqualTo(TwitchAdapter.PLATFORM);
        assertThat(TestBot.twitchLike().capabilities()).isEqualTo(TwitchAdapter.CAPABILITIES);
    }

    @Test
    void failuresArePlatformExceptionsWithTwitchsCodeAndReason() {
        PlatformException login = new TwitchLoginException("chorus_bot", "Login authentication failed");
        PlatformException chat = new TwitchChatException("gone", "msg_channel_suspended",
                "This channel does not exist or has been suspended.", "Twitch refused to let the bot join #gone");

        assertThat(login.platform()).isEqualTo(TwitchAdapter.PLATFORM);
        assertThat(login.code()).isEmpty();
        assertThat(login.reason()).isEqualTo("Login authentication failed");
        assertThat(chat.platform()).isEqualTo(TwitchAdapter.PLATFORM);
        assertThat(chat.code()).isEqualTo("msg_channel_suspended");
        assertThat(chat.reason()).isEqualTo("This channel does not exist or has been suspended.");
    }
}
