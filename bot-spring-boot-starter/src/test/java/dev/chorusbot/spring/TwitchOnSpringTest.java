package dev.chorusbot.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import org.junit.jupiter.api.Test;
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

            context.close();
            assertThat(bot.isTerminated()).as("the bot stopped with the application").isTrue();
        }
    }
}
