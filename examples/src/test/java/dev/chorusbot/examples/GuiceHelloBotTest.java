package dev.chorusbot.examples;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.chorusbot.core.Bot;
import dev.chorusbot.guice.ChorusBinder;
import dev.chorusbot.testkit.TestBot;
import org.junit.jupiter.api.Test;

class GuiceHelloBotTest {

    @Test
    void injectedCommandsAnswerLikeTheHandWrittenOnes() {
        // The example's commands, built by Guice, tested in memory through the testkit.
        GuiceHelloBot.GreetingCommands commands = Guice.createInjector()
                .getInstance(GuiceHelloBot.GreetingCommands.class);
        try (TestBot bot = TestBot.start(Bot.builder().commands(commands))) {
            bot.send("!hello").assertReply("hello Viktor!");
        }
    }

    @Test
    void theModuleBuildsABotWithTheHelloCommand() {
        Bot bot = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                ChorusBinder.of(binder()).addCommandObject(GuiceHelloBot.GreetingCommands.class);
            }
        }).getInstance(Bot.class);
        org.assertj.core.api.Assertions.assertThat(bot.commands())
                .extracting(dev.chorusbot.core.Command::name).containsExactlyInAnyOrder("hello", "help");
    }
}
