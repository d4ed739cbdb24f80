package dev.chorusbot.core.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleAdapterTest {

    @Test
    void answersEachLineAndStopsAtEndOfInput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleAdapter console = new ConsoleAdapter(
                new ByteArrayInputStream("!hello\n\nnot a command\n!hello\n".getBytes(StandardCharsets.UTF_8)),
                out, new User("ops", "ops", "Ops", Set.of(Role.OWNER)));
        Bot bot = Bot.builder()
                .command(Command.named("hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build())
                .adapter(console)
                .build();

        bot.run(); // returns once the input is exhausted and the replies are printed

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello Ops!\nhello Ops!\n"
                .replace("\n", System.lineSeparator()));
        assertThat(bot.isTerminated()).isTrue();
    }

    @Test
    void theConsoleUserOwnsTheChat() {
        User user = ConsoleAdapter.osUser();
        assertThat(user.login()).isEqualTo(System.getProperty("user.name"));
        assertThat(user.hasRole(Role.OWNER)).isTrue();
    }
}
