package dev.chorusbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.User;
import org.junit.jupiter.api.Test;

class TestBotTest {
    private static Bot.Builder bot() {
        return Bot.builder()
                .command(Command.named("hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build())
                .command(Command.named("roll")
                        .handler(ctx -> Reply.text("You rolled 7").withButtons(Button.of("Roll again", "roll")))
                        .build());
    }

    @Test
    void readsLikeAConversation() {
        try (TestBot bot = TestBot.start(bot())) {
            bot.send("!hello").assertReply("hello Viktor!");
            bot.as(User.of("2", "anna", "Anna")).send("/hello").assertReply("hello Anna!");
            bot.send("just chatting").assertNoReply();
        }
    }

    @Test
    void failedAssertionsSayWhatWasExpectedAndWhatCame() {
        try (TestBot bot = TestBot.start(bot())) {
            assertThatThrownBy(() -> bot.send("!hello").assertReply("hi Viktor"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("expected the reply to '!hello' to be\n  \"hi Viktor\"\nbut got [\"hello Viktor!\"]");
            assertThatThrownBy(() -> bot.send("hello").assertReply("hello Viktor!"))
                    .hasMessageEndingWith("but got no reply");
        }
    }

    @Test
    void rendersLikeTheChosenPlatform() {
        try (TestBot telegram = TestBot.start(bot(), TestBot.telegramLike())) {
            telegram.send("/roll").assertReply("You rolled 7").assertButtons("Roll again");
            telegram.press(Button.of("Roll again", "roll")).assertReply("You rolled 7");
        }
        try (TestBot twitch = TestBot.start(bot(), TestBot.twitchLike())) {
            twitch.send("!roll").assertReply("You rolled 7 | Roll again: !roll").assertButtons();
        }
    }

    @Test
    void talksInOtherChats() {
        try (TestBot bot = TestBot.start(bot())) {
            Replies replies = bot.in(Chat.of("other", Chat.Kind.PRIVATE, "")).send("!hello");
            assertThat(replies.outbound()).singleElement()
                    .satisfies(out -> assertThat(out.chat().id()).isEqualTo("other"));
            assertThat(bot.adapter().sent()).hasSize(1);
        }
    }
}
