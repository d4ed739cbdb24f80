package dev.chorusbot.core;

import static dev.chorusbot.core.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HelpCommandTest {
    private final Bot bot = Bot.builder()
            .command(Fixtures.hello())
            .command(Command.named("roll").aliases("r").description("Roll dice")
                    .argument(Argument.string("dice")).cooldown(Duration.ofSeconds(5))
                    .handler(ctx -> Reply.none()).build())
            .command(Command.named("ban").description("Ban a user").requiredRole(Role.MODERATOR)
                    .argument(Argument.string("user")).handler(ctx -> Reply.none()).build())
            .build();

    @Test
    void listsEveryCommandWithItsDescription() {
        assertThat(answer(bot, "!help")).containsExactly(String.join("\n",
                "Commands:",
                "!ban — Ban a user (moderators only)",
                "!hello — Say hello",
                "!help — List the commands, or show how to use one",
                "!roll — Roll dice"));
    }

    @Test
    void usesThePrefixTheUserTyped() {
        assertThat(answer(bot, "/help").get(0)).contains("/hello — Say hello");
    }

    @Test
    void showsTheUsageOfOneCommand() {
        assertThat(answer(bot, "!help roll"))
                .containsExactly("Usage: !roll <dice> — Roll dice. Also: !r. Once per 5 s");
        assertThat(answer(bot, "!help !ban"))
                .containsExactly("Usage: !ban <user> — Ban a user. For moderators only");
    }

    @Test
    void findsCommandsByAlias() {
        assertThat(answer(bot, "!help R").get(0)).startsWith("Usage: !roll <dice>");
    }

    @Test
    void saysSoForAnUnknownCommand() {
        assertThat(answer(bot, "!help dance"))
                .containsExactly("There is no command 'dance'. Send !help for the list.");
    }
}
