package dev.chorusbot.examples;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.BotCommand;
import dev.chorusbot.core.User;
import dev.chorusbot.core.console.ConsoleAdapter;
import dev.chorusbot.guice.ChorusBinder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The hello bot wired with Guice: commands are contributed with {@link ChorusBinder} and receive
 * their dependencies by injection. Run with
 * {@code java -cp examples/target/hello-bot.jar dev.chorusbot.examples.GuiceHelloBot}.
 */
public final class GuiceHelloBot {
    private GuiceHelloBot() {}

    /** How the bot greets; a dependency the commands receive by injection. */
    @Singleton
    public static final class Greeter {
        /** The greeting for {@code user}. */
        public String greet(User user) {
            return "hello " + user.displayName() + "!";
        }
    }

    /** The commands, constructed by Guice. */
    public static final class GreetingCommands {
        private final Greeter greeter;

        /** Receives the greeter from the injector. */
        @Inject
        public GreetingCommands(Greeter greeter) {
            this.greeter = greeter;
        }

        /** {@code hello}: answers {@code hello <display name>!}. */
        @BotCommand(description = "Say hello")
        public String hello(User user) {
            return greeter.greet(user);
        }
    }

    /** The module that contributes the bot's parts. */
    public static final class HelloModule extends AbstractModule {
        @Override
        protected void configure() {
            ChorusBinder.of(binder())
                    .addCommandObject(GreetingCommands.class)
                    .addAdapter(ConsoleAdapter.class);
        }
    }

    /** Runs the bot on the console. */
    public static void main(String[] args) {
        Injector injector = Guice.createInjector(new HelloModule());
        injector.getInstance(Bot.class).run();
    }
}
