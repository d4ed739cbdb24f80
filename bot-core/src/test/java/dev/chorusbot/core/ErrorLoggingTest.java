package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** slf4j-simple writes to System.err, looked up at each write; the test swaps it to read the log. */
class ErrorLoggingTest {

    @Test
    void aFailedAssertionOrARunawayRecursionInAHandlerIsAnsweredWithTheApology() {
        Bot bot = Bot.builder()
                .command(Command.named("assert").handler(ctx -> {
                    throw new AssertionError("the dice had no sides");
                }).build())
                .command(Command.named("recurse").handler(ctx -> {
                    throw new StackOverflowError();
                }).build())
                .build();

        String log = captureStandardError(() -> {
            assertThat(Fixtures.answer(bot, "!assert")).containsExactly("Sorry, something went wrong. Please try again later.");
            assertThat(Fixtures.answer(bot, "!recurse")).containsExactly("Sorry, something went wrong. Please try again later.");
        });
        assertThat(log).contains("java.lang.AssertionError: the dice had no sides").contains("StackOverflowError");
    }

    @Test
    void aFailingHandlerIsLoggedWithTheMessageId() {
        Bot bot = Bot.builder()
                .command(Command.named("boom").handler(ctx -> {
                    throw new IllegalStateException("kaboom");
                }).build())
                .build();
        Message message = Fixtures.message("!boom");
        String log = captureStandardError(() -> bot.handle(message));
        assertThat(log)
                .contains("Handling message " + message.id() + " from test failed")
                .contains("java.lang.IllegalStateException: kaboom");
    }

    static String captureStandardError(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
