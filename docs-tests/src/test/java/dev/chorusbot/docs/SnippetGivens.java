package dev.chorusbot.docs;

import com.google.inject.Binder;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.CommandContext;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;

/**
 * What the guides' fragments take as given: the names their prose introduces before the code
 * ("{@code hello} is the command from step 2", "a bot started with a WebhookServer on {@code port}").
 * Every page's snippet class extends this class, so a fragment may use these names; a fragment
 * that declares one itself shadows it. Nothing here runs: the snippets are compiled, not executed.
 *
 * <p>Add a name here only when a guide's text really gives it to the reader; a fragment that
 * needs more context than that should become a whole file.
 */
@SuppressWarnings({"unused", "NotNullFieldNotInitialized"})
public class SnippetGivens {
    /** The {@code hello} command a guide built earlier. */
    protected Command hello;
    /** A {@code roll} command with a cooldown. */
    protected Command roll;
    /** The reader's bot, built and started. */
    protected Bot bot;
    /** A bot builder with the reader's commands. */
    protected Bot.Builder builder;
    /** The context a handler receives. */
    protected CommandContext ctx;
    /** The port of the reader's embedded webhook server. */
    protected int port;
    /** The reader's own {@link StateStore}. */
    protected StateStore myStore;
    /** The reader's own metrics registry. */
    protected Metrics metrics;
    /** The reader's Micrometer registry. */
    protected io.micrometer.core.instrument.MeterRegistry registry;
    /** The fake Telegram server a test on the page started. */
    protected FakeTelegramServer telegram;
    /** The fake Twitch IRC server a test on the page started. */
    protected FakeTwitchIrcServer twitch;

    /** Stands for the {@code binder()} of the Guice module whose {@code configure()} a fragment is in. */
    protected Binder binder() {
        throw new UnsupportedOperationException("only compiled");
    }

    /** A metrics registry of the reader's own. */
    public interface Metrics {
        /**
         * Records one handled command.
         *
         * @param command the command's name
         * @param nanos how long it took
         */
        void record(String command, long nanos);
    }

    /** A command object of the reader's own, constructed by Guice. */
    public static final class GreetingCommands {
        /**
         * Greets the sender.
         *
         * @param ctx the context
         * @return the greeting
         */
        @dev.chorusbot.core.BotCommand(description = "Say hello")
        public Reply hello(CommandContext ctx) {
            return Reply.text("hello " + ctx.sender().displayName() + "!");
        }
    }
}
