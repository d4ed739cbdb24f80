package dev.chorusbot.twitch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyMentionTest {

    @Test
    void dropsTheMentionOfTheRepliedToUserByDisplayNameOrLogin() {
        assertThat(ReplyMention.strip("@Viktor !hello", "Viktor", "viktor")).isEqualTo("!hello");
        assertThat(ReplyMention.strip("@viktor !hello", "Виктор", "viktor")).isEqualTo("!hello");
        assertThat(ReplyMention.strip("@VIKTOR   spaced", "Viktor", "viktor")).isEqualTo("spaced");
        assertThat(ReplyMention.strip("@Viktor", "Viktor", "viktor")).isEmpty();
    }

    @Test
    void keepsEverythingElse() {
        assertThat(ReplyMention.strip("!hello", "Viktor", "viktor")).isEqualTo("!hello");
        assertThat(ReplyMention.strip("@anna !hello", "Viktor", "viktor")).isEqualTo("@anna !hello");
        assertThat(ReplyMention.strip("@Viktorious hi", "Viktor", "viktor")).isEqualTo("@Viktorious hi");
        assertThat(ReplyMention.strip("@ hi", "", "")).isEqualTo("@ hi");
    }
}
