package dev.chorusbot.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.multibindings.OptionalBinder;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.BotCommand;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.InMemoryStateStore;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.User;
import dev.chorusbot.testkit.InMemoryAdapter;
import dev.chorusbot.testkit.TestBot;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChorusModuleTest {

    /** A dependency a command needs. */
    @Singleton
    static final class Greeter {
        String greet(User user) {
            return "hello " + user.displayName() + "!";
        }
    }

    /** A command built by Guice, with its dependency injected. */
    static final class HelloCommand implements Provider<Command> {
        private final Greeter greeter;

        @Inject
        HelloCommand(Greeter greeter) {
            this.greeter = greeter;
        }

        @Override
        public Command get() {
            return Command.named("hello").description("Say hello")
                    .handler(ctx -> Reply.text(greeter.greet(ctx.sender()))).build();
        }
    }

    /** Annotated commands, constructor-injected. */
    static final class CounterCommands {
        private final StateStore state;

        @Inject
        CounterCommands(StateStore state) {
            this.state = state;
        }

        @BotCommand(description = "Count up")
        String count() {
            return "count " + state.increment("count", 1, Duration.ZERO);
        }
    }

    @Test
    void buildsTheBotFromContributedCommandsAndAdapters() {
        InMemoryAdapter adapter = new InMemoryAdapter();
        StateStore store = new InMemoryStateStore();
        Injector injector = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), StateStore.class).setBinding().toInstance(store);
                ChorusBinder.of(binder())
                        .addCommand(HelloCommand.class)
                        .addCommandObject(CounterCommands.class)
                        .addAdapter(adapter)
                        .customize(builder -> builder.prefixes("?"));
            }
        });
        Bot bot = injector.getInstance(Bot.class);
        assertThat(injector.getInstance(Bot.class)).as("one bot per injector").isSameAs(bot);
        bot.start();
        try {
            assertThat(send(adapter, "?hello")).containsExactly("hello Viktor!");
            assertThat(send(adapter, "?count")).containsExactly("count 1");
            assertThat(send(adapter, "?count")).containsExactly("count 2");
            assertThat(bot.commands()).extracting(Command::name).containsExactlyInAnyOrder("hello", "count", "help");
        } finally {
            bot.stop();
        }
    }

    @Test
    void severalModulesContribute() {
        Injector injector = Guice.createInjector(
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        ChorusBinder.of(binder()).addCommand(HelloCommand.class);
                    }
                },
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        ChorusBinder.of(binder()).addCommand(Command.named("ping")
                                .handler(ctx -> Reply.text("pong")).build());
                    }
                });
        assertThat(injector.getInstance(Bot.class).commands()).extracting(Command::name)
                .containsExactlyInAnyOrder("hello", "ping", "help");
    }

    @Test
    void invalidCommandsFailWithTheBotsOwnProblemList() {
        Injector injector = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                ChorusBinder.of(binder())
                        .addCommand(Command.named("bad name").handler(ctx -> Reply.none()).build());
            }
        });
        assertThatThrownBy(() -> injector.getInstance(Bot.class))
                .isInstanceOf(ProvisionException.class)
                .hasRootCauseInstanceOf(ConfigurationException.class)
                .rootCause().hasMessage("command name 'bad name' must be 1 to 32 letters, digits or underscores");
    }

    /** A command whose dependency nobody bound. */
    static final class NeedsSomething implements Provider<Command> {
        @Inject
        NeedsSomething(Runnable unbound) {}

        @Override
        public Command get() {
            return Command.named("x").handler(ctx -> Reply.none()).build();
        }
    }

    @Test
    void missingDependenciesOfACommandAreReportedByGuice() {
        assertThatThrownBy(() -> Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                ChorusBinder.of(binder()).addCommand(NeedsSomething.class);
            }
        })).isInstanceOf(CreationException.class).hasMessageContaining("Runnable");
    }

    private static java.util.List<String> send(InMemoryAdapter adapter, String text) {
        dev.chorusbot.core.Message message = new dev.chorusbot.core.Message(adapter.platform(),
                Long.toString(System.nanoTime()), TestBot.CHAT, TestBot.VIKTOR, text, Instant.now(),
                Optional.empty(), null);
        return adapter.deliver(message).stream().map(dev.chorusbot.core.Outbound::text).toList();
    }
}
