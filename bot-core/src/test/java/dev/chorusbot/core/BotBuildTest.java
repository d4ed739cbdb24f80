package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotBuildTest {

    @Test
    void invalidCommandsFailTheBuildWithEveryProblemListed() {
        Bot.Builder builder = Bot.builder()
                .command(Fixtures.hello())
                .command(Command.named("HELLO").handler(ctx -> Reply.none()).build())
                .command(Command.named("bad name!").handler(ctx -> Reply.none()).build())
                .command(Command.named("nohandler").build())
                .command(Command.named("greet").aliases("hello").handler(ctx -> Reply.none()).build())
                .command(Command.named("args")
                        .argument(Argument.string("a").optional())
                        .argument(Argument.string("b"))
                        .argument(Argument.rest("r"))
                        .argument(Argument.string("a"))
                        .handler(ctx -> Reply.none()).build());
        assertThatThrownBy(builder::build)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("9 configuration problems:")
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
                        "two commands are named 'hello': names must be unique",
                        "command name 'bad name!' must be 1 to 32 letters, digits or underscores",
                        "command 'nohandler' has no handler",
                        "alias 'hello' of command 'greet' clashes with command 'hello': names must be unique",
                        "command 'args': required argument 'b' follows an optional one",
                        "command 'args': rest argument 'r' must be the last",
                        "command 'args': required argument 'r' follows an optional one",
                        "command 'args' declares argument 'a' twice",
                        "command 'args': required argument 'a' follows an optional one"));
    }

    @Test
    void twoAdaptersForOnePlatformAreRefused() {
        Fixtures.RecordingAdapter a = new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), null);
        Fixtures.RecordingAdapter b = new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), null);
        assertThatThrownBy(() -> Bot.builder().adapter(a).adapter(b).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("two adapters for platform 'test'; use one per platform");
    }

    @Test
    void aNegativeShutdownTimeoutIsRefusedWhileZeroMeansDoNotWait() {
        assertThatThrownBy(() -> Bot.builder().shutdownTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("shutdownTimeout must not be negative, was PT-1S");
        Bot bot = Bot.builder().command(Fixtures.hello()).shutdownTimeout(Duration.ZERO).build();
        assertThat(Fixtures.answer(bot, "!hello")).isNotEmpty();
    }

    @Test
    void aConfigurationExceptionWithoutAProblemIsAProgrammingError() {
        assertThatThrownBy(() -> new ConfigurationException(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a ConfigurationException needs at least one problem");
    }

    @Test
    void blankPrefixesAreRefused() {
        assertThatThrownBy(() -> Bot.builder().prefixes("!", " ").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("command prefix ' ' for bot must be non-empty without white space");
    }

    @Test
    void aUserHelpCommandReplacesTheAutomaticOne() {
        Bot bot = Bot.builder()
                .command(Command.named("help").handler(ctx -> Reply.text("my help")).build())
                .build();
        assertThat(Fixtures.answer(bot, "!help")).containsExactly("my help");
    }

    @Test
    void theAutomaticHelpCanBeSwitchedOff() {
        Bot bot = Bot.builder().command(Fixtures.hello()).helpCommand(false).build();
        assertThat(bot.commands()).extracting(Command::name).containsExactly("hello");
    }
}
