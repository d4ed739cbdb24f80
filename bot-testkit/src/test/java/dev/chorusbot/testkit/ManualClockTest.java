package dev.chorusbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void movesOnlyWhenTold() {
        ManualClock clock = new ManualClock(Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(clock.instant()).isEqualTo("2026-05-01T10:00:00Z");
        clock.advance(Duration.ofMinutes(90));
        assertThat(clock.instant()).isEqualTo("2026-05-01T11:30:00Z");
        clock.set(Instant.EPOCH);
        assertThat(clock.millis()).isZero();
    }

    @Test
    void testsACooldownWithoutSleeping() {
        Command roll = Command.named("roll").cooldown(Duration.ofSeconds(10))
                .handler(ctx -> Reply.text(ctx.sender().displayName() + " rolls 4")).build();
        ManualClock clock = new ManualClock();
        try (TestBot bot = TestBot.start(Bot.builder().clock(clock).command(roll))) {
            bot.send("!roll").assertReplyContains("rolls");
            bot.send("!roll").assertReply("Please wait 10 s before using !roll again.");
            clock.advance(Duration.ofSeconds(10));
            bot.send("!roll").assertReplyContains("rolls");
        }
    }
}
