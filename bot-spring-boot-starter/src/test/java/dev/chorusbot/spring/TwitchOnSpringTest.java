package dev.chorusbot.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** A pull adapter runs on the application's lifecycle: Twitch IRC against {@link FakeTwitchIrcServer}. */
class TwitchOnSpringTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Command hello() {
            return Command.named("hello").description("Say hello")
                    .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    @Test
    void helloIsAnsweredOverIrcAndTheBotStopsWithTheApplication() {
        try (FakeTwitchIrcServer twitch = FakeTwitchIrcServer.start()) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                    .web(WebApplicationType.NONE)
                    .properties("chorus.twitch.username=chorus_bot",
                            "chorus.twitch.oauth-token=oauth:abcdefghijklmnopqrstuvwxyz0123",
                            "chorus.twitch.channels=twitchdev",
                            "chorus.twitch.irc-url=" + twitch.uri())
                    .run();
            Bot bot = context.getBean(Bot.class);
            twitch.awaitJoined("twitchdev");

            twitch.chat("twitchdev", "viewer", "Viewer", "!hello");
            twitch.awaitReceived(line -> line.endsWith("PRIVMSG #twitchdev :hello Viewer!"));

            // Health: down while the connection is lost and the server does not answer the login.
            ChorusHealthIndicator health = context.getBean(ChorusHealthIndicator.class);
            await(() -> health.health().getStatus().equals(Status.UP), "UP once logged in");
            twitch.silent(true);
            twitch.dropConnections();
            await(() -> health.health().getStatus().equals(Status.DOWN), "DOWN while reconnecting");
            assertThat(bot.isReady()).isFalse();
            twitch.silent(false);
            twitch.dropConnections();
            await(() -> health.health().getStatus().equals(Status.UP), "UP after the reconnect");

            context.close();
            assertThat(bot.isTerminated()).as("the bot stopped with the application").isTrue();
        }
    }
}
