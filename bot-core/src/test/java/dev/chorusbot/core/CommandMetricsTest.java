package dev.chorusbot.core;

import static dev.chorusbot.core.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandMetricsTest {

    @Test
    void countsEventsCommandsAndFailures() {
        CommandMetrics metrics = new CommandMetrics();
        Bot bot = Bot.builder()
                .command(Fixtures.hello())
                .command(Command.named("boom").handler(ctx -> {
                    throw new IllegalStateException("kaboom");
                }).build())
                .middleware(metrics)
                .build();

        answer(bot, "!hello");
        answer(bot, "/HELLO");
        answer(bot, "just chatting");
        assertThat(answer(bot, "!boom")).containsExactly("Sorry, something went wrong. Please try again later.");

        CommandMetrics.Snapshot snapshot = metrics.snapshot();
        assertThat(snapshot.events()).isEqualTo(4);
        assertThat(snapshot.commands()).isEqualTo(Map.of("hello", 2L, "boom", 1L));
        assertThat(snapshot.commands().keySet()).as("alphabetical").containsExactly("boom", "hello");
        assertThat(snapshot.failures()).isEqualTo(1);
        assertThat(snapshot.totalNanos()).isPositive();
        assertThat(snapshot.meanMicros()).isPositive();
    }

    @Test
    void redeliveriesAreNotCountedTwice() {
        CommandMetrics metrics = new CommandMetrics();
        Bot bot = Bot.builder().command(Fixtures.hello()).middleware(metrics).build();
        Message message = Fixtures.message("!hello");
        bot.handle(message);
        bot.handle(message);
        assertThat(metrics.snapshot().events()).as("de-duplication runs before user middleware").isEqualTo(1);
    }
}
