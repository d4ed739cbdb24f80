package dev.chorusbot.bench;

import dev.chorusbot.twitch.IrcMessage;
import dev.chorusbot.twitch.IrcTags;
import dev.chorusbot.twitch.TwitchMessage;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The Twitch IRC line codec on one thread, over tagged PRIVMSG lines shaped as Twitch sends them
 * (16 to 25 tags: badges, emotes, reply-parent tags, escaped values). Each operation handles one
 * line, so operations per second are lines per second.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar IrcLineBenchmark}
 */
public class IrcLineBenchmark extends SingleThreadThroughput {
    /**
     * Real-shaped chat lines; ids and names vary so nothing is shared between lines. Public so the
     * comparison benchmarks parse exactly these lines with other parsers.
     */
    public static final String[] LINES = {
        "@badge-info=;badges=broadcaster/1;client-nonce=459e3142897c7a22b7d275178f2259e0;color=#0000FF;display-name=lovingt3s;"
                + "emote-only=1;emotes=62835:0-10;first-msg=0;flags=;id=885196de-cb67-427a-baa8-82f9b0fcd05f;mod=0;"
                + "room-id=713936733;subscriber=0;tmi-sent-ts=1643904084794;turbo=0;user-id=713936733;user-type="
                + " :lovingt3s!lovingt3s@lovingt3s.tmi.twitch.tv PRIVMSG #lovingt3s :bleedPurple",
        "@badge-info=subscriber/14;badges=subscriber/12,premium/1;color=#1E90FF;display-name=Viktor;emotes=25:6-10/1902:12-16;"
                + "first-msg=0;flags=;id=0f9b2f3e-1d74-4b8a-9c52-7e0c5d1a2b3c;mod=0;returning-chatter=0;room-id=22484632;"
                + "subscriber=1;tmi-sent-ts=1700000000123;turbo=0;user-id=44322889;user-type="
                + " :viktor!viktor@viktor.tmi.twitch.tv PRIVMSG #chorus :hello Kappa Keepo how is the stream going today?",
        "@badge-info=;badges=moderator/1,partner/1;color=#FF4500;display-name=ModBot;emotes=;first-msg=0;flags=;"
                + "id=7c1d9e0a-55b3-4f7e-8a21-3b9f0c6d4e11;mod=1;reply-parent-display-name=Anna;reply-parent-msg-body=is\\sthe"
                + "\\sraid\\sstill\\son\\:\\sasking\\sfor\\sa\\sfriend;reply-parent-msg-id=b34ccfc7-4977-403a-8a94-33c6bac34fb8;"
                + "reply-parent-user-id=123456;reply-parent-user-login=anna;reply-thread-parent-msg-id=b34ccfc7-4977-403a-8a94-33c6bac34fb8;"
                + "reply-thread-parent-user-login=anna;returning-chatter=0;room-id=22484632;subscriber=0;tmi-sent-ts=1700000001456;"
                + "turbo=0;user-id=98765432;user-type=mod :modbot!modbot@modbot.tmi.twitch.tv PRIVMSG #chorus :@Anna yes, starts in 5 minutes",
        "@badge-info=founder/30;badges=vip/1,founder/0;color=;display-name=\u30c6\u30b9\u30c8;emotes=;first-msg=1;flags=0-3:P.3;"
                + "id=3e2a1f00-aaaa-4bbb-8ccc-1234567890ab;mod=0;returning-chatter=1;room-id=22484632;subscriber=1;"
                + "tmi-sent-ts=1700000002789;turbo=0;user-id=55501234;user-type=;vip=1"
                + " :tesuto!tesuto@tesuto.tmi.twitch.tv PRIVMSG #chorus :\u0001ACTION waves at everyone \uD83D\uDC4B\u0001",
    };

    private final LineCursor lines = new LineCursor(LINES);

    /**
     * Parsing only: source, command and parameters split, the line checked for NUL and line breaks;
     * the tags are located but indexed only when first read ({@link #parseAndReadTags} pays for that).
     */
    @Benchmark
    public IrcMessage parse() {
        return IrcMessage.parse(lines.next());
    }

    /** Parsing and reading what a bot reads of every chat line: id, display name, user id, badges. */
    @Benchmark
    public void parseAndReadTags(Blackhole sink) {
        readTags(IrcMessage.parse(lines.next()), sink);
    }

    /**
     * Reads what a bot reads of every chat line: id, display name, user id, badges and the text.
     * Public so the comparison benchmarks measure exactly this work.
     *
     * @param message a parsed line
     * @param sink where the values go, so none is optimised away
     */
    public static void readTags(IrcMessage message, Blackhole sink) {
        IrcTags tags = message.tags();
        sink.consume(tags.get("id"));
        sink.consume(tags.get("display-name"));
        sink.consume(tags.get("user-id"));
        sink.consume(tags.get("badges"));
        sink.consume(message.trailing());
    }

    /** Parsing into the full {@link TwitchMessage}: every documented tag read, badges and emotes split. */
    @Benchmark
    public TwitchMessage parseToTwitchMessage() {
        return TwitchMessage.from(IrcMessage.parse(lines.next()));
    }

    /** Writing a threaded reply line, with the CR/LF/NUL check. */
    @Benchmark
    public String encodeReply() {
        return new IrcMessage(IrcTags.of("reply-parent-msg-id", "885196de-cb67-427a-baa8-82f9b0fcd05f"), "", "PRIVMSG",
                List.of("#chorus", "hello Viktor!")).toLine();
    }
}
