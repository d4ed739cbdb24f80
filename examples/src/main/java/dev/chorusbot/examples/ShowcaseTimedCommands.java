package dev.chorusbot.examples;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.BotCommand;
import dev.chorusbot.core.CommandContext;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.Schedule;
import dev.chorusbot.core.UsageException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The showcase bot's commands that outlive one message: a reminder and timed announcements (jobs in
 * the bot's state store, sent on the bot's own) and a quiz (a question whose answer is the asker's
 * next message). Add them with {@link #addTo(Bot.Builder)}, which also registers their job and
 * answer handlers.
 */
public final class ShowcaseTimedCommands {
    private static final Pattern PERIOD = Pattern.compile("(\\d{1,6})([smh])");
    private static final Pattern ANNOUNCE = Pattern.compile("every\\s+(\\d{1,6})([sm])\\s+(\\S.*)", Pattern.DOTALL);
    private static final Duration QUIZ_TIME = Duration.ofSeconds(60);

    /** The commands, with nothing of their own to hold: their state is in the bot's store. */
    public ShowcaseTimedCommands() {}

    /**
     * Adds the commands, the {@code remind} and {@code announce} job handlers and the quiz's answer
     * handler to {@code builder}.
     *
     * @param builder the showcase bot's builder
     * @return {@code builder}
     */
    public Bot.Builder addTo(Bot.Builder builder) {
        return builder.commands(this)
                .job("remind", job -> Reply.text("reminder: " + job.payload()))
                .job("announce", job -> Reply.text(job.payload()))
                .onAnswer("quiz", (ctx, data) ->
                        Reply.text(ctx.text().strip().equals("42") ? "correct!" : "no, it is 42"));
    }

    /** {@code remind 10m tea}: sends {@code reminder: tea} to this chat in ten minutes. */
    @BotCommand(description = "Remind this chat in n seconds, minutes or hours", usage = "<n>s|m|h <text>")
    public String remind(CommandContext ctx) {
        String[] words = ctx.rawArguments().strip().split("\\s+", 2);
        Matcher delay = PERIOD.matcher(words[0]);
        if (!delay.matches()) {
            throw new UsageException("'" + words[0] + "' is not a delay like 30s, 10m or 2h");
        }
        if (words.length < 2) {
            throw new UsageException("say what to remind of");
        }
        ctx.jobs().schedule("remind", words[1], Schedule.in(duration(delay.group(1), delay.group(2))));
        return "ok, I will remind you in " + delay.group(1) + delay.group(2);
    }

    /** {@code announce every 15m follow!} and {@code announce stop}: timed announcements in this chat. */
    @BotCommand(description = "Post a text in this chat every n seconds or minutes, or stop",
            usage = "every <n>s|m <text> | stop", role = Role.MODERATOR)
    public String announce(CommandContext ctx) {
        String args = ctx.rawArguments().strip();
        String id = "showcase:announce:" + ctx.platform().id() + ':' + ctx.chat().id() + ':'
                + ctx.chat().threadId().orElse("");
        if (args.equals("stop")) {
            ctx.jobs().cancel(id);
            return "announcements stopped";
        }
        Matcher every = ANNOUNCE.matcher(args);
        if (!every.matches() || Long.parseLong(every.group(1)) == 0) {
            throw new UsageException("say 'every 15m <text>' or 'stop'");
        }
        ctx.jobs().schedule(id, "announce", every.group(3).strip(),
                Schedule.every(duration(every.group(1), every.group(2))));
        return "announcing every " + every.group(1) + every.group(2);
    }

    /** {@code quiz}: asks a question; the asker's next message in this chat is the answer. */
    @BotCommand(description = "A question to answer in 60 seconds")
    public Reply quiz(CommandContext ctx) {
        return ctx.ask(Reply.text("What is 6 times 7?"), "quiz", QUIZ_TIME);
    }

    /** {@code cancel}: forgets the quiz the sender was asked here. */
    @BotCommand(description = "Cancel your quiz")
    public String cancel(CommandContext ctx) {
        return ctx.endConversation() ? "quiz cancelled" : "there is no quiz to cancel";
    }

    private static Duration duration(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
