package dev.chorusbot.core;

import static dev.chorusbot.core.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnnotatedCommandsTest {
    enum Mood { HAPPY, GRUMPY }

    static final class Commands {
        int counter;

        @BotCommand(description = "Say hello", aliases = "hi")
        String hello(User user) {
            return "hello " + user.displayName() + "!";
        }

        @BotCommand(name = "roll", description = "Roll dice", cooldownSeconds = 5)
        Reply roll(@Arg("dice") String dice, @Arg("times") @Arg.Default("1") int times) {
            return Reply.text(dice + " x" + times);
        }

        @BotCommand(description = "Feel", role = Role.MODERATOR)
        String mood(@Arg("mood") Mood mood, @Arg(value = "why", rest = true) @Arg.Optional String why) {
            return mood + (why == null ? "" : " because " + why);
        }

        @BotCommand(description = "Count")
        void count(CommandContext ctx, Chat chat) {
            counter++;
            ctx.reply("count " + counter + " in " + chat.id());
        }

        void notACommand() {}
    }

    @Test
    void annotatedMethodsBecomeCommands() {
        Commands commands = new Commands();
        Bot bot = Bot.builder().commands(commands).build();
        assertThat(answer(bot, "!hello")).containsExactly("hello Viktor!");
        assertThat(answer(bot, "!hi")).containsExactly("hello Viktor!");
        assertThat(answer(bot, "!roll 2d6")).containsExactly("2d6 x1");
        assertThat(answer(bot, "!count")).containsExactly("count 1 in group-1");
        assertThat(commands.counter).isEqualTo(1);
        assertThat(bot.commands()).extracting(Command::name)
                .containsExactlyInAnyOrder("count", "hello", "mood", "roll", "help");
    }

    @Test
    void annotationAttributesReachTheCommand() {
        Bot bot = Bot.builder().commands(new Commands()).build();
        Command roll = bot.commands().stream().filter(c -> c.name().equals("roll")).findFirst().orElseThrow();
        assertThat(roll.cooldown()).hasSeconds(5);
        assertThat(roll.usage()).isEqualTo("<dice> [times]");
        Command mood = bot.commands().stream().filter(c -> c.name().equals("mood")).findFirst().orElseThrow();
        assertThat(mood.requiredRole()).isEqualTo(Role.MODERATOR);
        assertThat(mood.usage()).isEqualTo("<happy|grumpy> [why...]");
    }

    @Test
    void argumentsAreTypedFromTheParameters() {
        Bot bot = Bot.builder().commands(new Commands()).build();
        Message fromModerator = Fixtures.message(
                Fixtures.VIKTOR.withRoles(java.util.Set.of(Role.MODERATOR)), Fixtures.GROUP, "!mood grumpy it rains");
        assertThat(bot.handle(fromModerator).texts()).containsExactly("GRUMPY because it rains");
        assertThat(answer(bot, "!roll 2d6 lots")).singleElement().asString()
                .startsWith("'lots' is not a whole number for <times>.");
    }

    static final class Broken {
        @BotCommand
        int wrongReturn() {
            return 1;
        }

        @BotCommand(name = "bad name")
        String badName() {
            return "";
        }

        @BotCommand
        String unsupported(java.util.List<String> list) {
            return "";
        }

        @BotCommand
        String primitiveOptional(@Arg("n") @Arg.Optional int n) {
            return "";
        }
    }

    @Test
    void everyProblemOfAnAnnotatedObjectIsReportedAtOnce() {
        assertThatThrownBy(() -> Bot.builder().commands(new Broken()).build())
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactlyInAnyOrder(
                        "command name 'bad name' must be 1 to 32 letters, digits or underscores",
                        "Broken.primitiveOptional argument 'n' is optional without default but primitive; "
                                + "use a boxed type or @Arg.Default",
                        "Broken.unsupported parameter 1 (List) is neither CommandContext, User, Chat, Message nor an @Arg",
                        "Broken.wrongReturn returns int; return Reply, String or void"));
    }

    @Test
    void anObjectWithoutCommandsIsAMistake() {
        assertThatThrownBy(() -> Bot.builder().commands(new Object()).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("java.lang.Object has no @BotCommand methods");
    }
}
