package dev.chorusbot.examples;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.User;
import dev.chorusbot.testkit.TestBot;
import org.junit.jupiter.api.Test;

/** How a bot author tests commands: in memory, as each platform would render the replies. */
class HelloBotTest {

    @Test
    void greetsTheSenderByDisplayName() {
        try (TestBot bot = TestBot.start(Bot.builder().command(HelloCommands.hello()))) {
            bot.send("!hello").assertReply("hello Viktor!");
            bot.as(User.of("42", "anna_k", "Anna Karenina")).send("/hello").assertReply("hello Anna Karenina!");
        }
    }

    @Test
    void listsItsCommands() {
        try (TestBot bot = TestBot.start(Bot.builder().command(HelloCommands.hello()))) {
            bot.send("!help").assertReply("Commands:\n!hello — Say hello\n!help — List the commands, or show how to use one");
        }
    }

    @Test
    void sameCommandAnswersOnEveryPlatform() {
        try (TestBot telegram = TestBot.start(Bot.builder().command(HelloCommands.hello()), TestBot.telegramLike());
                TestBot twitch = TestBot.start(Bot.builder().command(HelloCommands.hello()), TestBot.twitchLike())) {
            telegram.send("/hello").assertReply("hello Viktor!");
            twitch.send("!hello").assertReply("hello Viktor!");
        }
    }
}
