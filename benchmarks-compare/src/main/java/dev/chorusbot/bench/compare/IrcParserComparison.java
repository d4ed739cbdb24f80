package dev.chorusbot.bench.compare;

import com.github.twitch4j.chat.events.AbstractChannelMessageEvent;
import com.github.twitch4j.chat.events.channel.ChannelMessageActionEvent;
import com.github.twitch4j.chat.events.channel.ChannelMessageEvent;
import com.github.twitch4j.chat.events.channel.IRCMessageEvent;
import com.github.twitch4j.chat.util.MessageParser;
import dev.chorusbot.bench.IrcLineBenchmark;
import dev.chorusbot.bench.LineCursor;
import dev.chorusbot.bench.SingleThreadThroughput;
import dev.chorusbot.twitch.IrcMessage;
import dev.chorusbot.twitch.IrcTags;
import dev.chorusbot.twitch.TwitchMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Chorus's IRC codec and twitch4j's (1.23.0) on the same tagged PRIVMSG lines
 * ({@link IrcLineBenchmark#LINES}), in one JMH run with the same settings as
 * {@code IrcLineBenchmark}. One operation is one line. The three levels do equivalent work on both
 * sides:
 *
 * <ul>
 *   <li>{@code parse}: the line split into tags, source, command and parameters. twitch4j's
 *       {@link MessageParser#parse(String, Map, Map, java.util.Collection)} is what its
 *       {@code TwitchChat} calls for every received line; its {@link IRCMessageEvent} constructor
 *       also reads {@code room-id}, {@code id} and {@code tmi-sent-ts} (the event id and time).
 *   <li>{@code readTags}: plus the id, display name, user id and badges tag as unescaped strings
 *       and the message text ({@link IRCMessageEvent#getTagValue(String)} unescapes, like
 *       {@link IrcTags#get(String)}).
 *   <li>{@code fullMessage}: the chat message model a handler receives. Chorus: {@link TwitchMessage}
 *       (every documented tag, badges map, emote ranges, reply parent, {@code /me} flag). twitch4j:
 *       the {@link ChannelMessageEvent} (or {@link ChannelMessageActionEvent} for {@code /me}) its
 *       {@code IRCEventHandler} publishes, built the same way, then its badges, badge info,
 *       permissions, reply info, id, display name, room id and sent time read. twitch4j has no emote
 *       parser, so Chorus does strictly more work at this level (it splits the {@code emotes} tag).
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks-compare/target/benchmarks-compare.jar IrcParserComparison}
 */
public class IrcParserComparison extends SingleThreadThroughput {
    private static final String[] LINES = IrcLineBenchmark.LINES;
    private static final String ACTION = "\u0001ACTION ";

    // What TwitchChat passes: its channel caches (empty here: room-id is on every line) and no bot owners.
    private Map<String, String> idToName;
    private Map<String, String> nameToId;

    private final LineCursor lines = new LineCursor(LINES);

    /** Fresh caches per trial, as a fresh chat client has. */
    @Setup
    public void setUp() {
        idToName = new ConcurrentHashMap<>();
        nameToId = new ConcurrentHashMap<>();
        // Fail before measuring if either parser does not understand a line.
        for (String line : LINES) {
            if (!"PRIVMSG".equals(MessageParser.parse(line, idToName, nameToId, null).getCommandType())
                    || TwitchMessage.from(IrcMessage.parse(line)).id().isEmpty()) {
                throw new IllegalStateException("a parser did not read " + line);
            }
        }
    }

    /** Chorus: tags indexed, source, command and parameters split. */
    @Benchmark
    public IrcMessage chorusParse() {
        return IrcMessage.parse(lines.next());
    }

    /** twitch4j: its per-line parse into an {@link IRCMessageEvent}. */
    @Benchmark
    public IRCMessageEvent twitch4jParse() {
        return MessageParser.parse(lines.next(), idToName, nameToId, null);
    }

    /** Chorus: parse, then id, display name, user id, badges (unescaped) and the text. */
    @Benchmark
    public void chorusReadTags(Blackhole sink) {
        IrcLineBenchmark.readTags(IrcMessage.parse(lines.next()), sink);
    }

    /** twitch4j: parse, then the same tags unescaped and the text. */
    @Benchmark
    public void twitch4jReadTags(Blackhole sink) {
        IRCMessageEvent event = MessageParser.parse(lines.next(), idToName, nameToId, null);
        sink.consume(event.getTagValue("id"));
        sink.consume(event.getTagValue("display-name"));
        sink.consume(event.getTagValue("user-id"));
        sink.consume(event.getTagValue("badges"));
        sink.consume(event.getMessage());
    }

    /** Chorus: the full {@link TwitchMessage}. */
    @Benchmark
    public TwitchMessage chorusFullMessage() {
        return TwitchMessage.from(IrcMessage.parse(lines.next()));
    }

    /** twitch4j: the chat message event its handler publishes, and what it offers read from it. */
    @Benchmark
    public void twitch4jFullMessage(Blackhole sink) {
        IRCMessageEvent event = MessageParser.parse(lines.next(), idToName, nameToId, null);
        // As twitch4j's IRCEventHandler.onChannelMessage builds it (1.23.0).
        String text = event.getMessage().orElseThrow();
        AbstractChannelMessageEvent message;
        if (text.startsWith(ACTION)) {
            int end = text.endsWith("\u0001") ? text.length() - 1 : text.length();
            message = new ChannelMessageActionEvent(event.getChannel(), event, event.getUser(),
                    text.substring(ACTION.length(), Math.max(ACTION.length(), end)));
        } else {
            message = new ChannelMessageEvent(event.getChannel(), event, event.getUser(), text);
        }
        sink.consume(message.getMessage());
        sink.consume(event.getMessageId());
        sink.consume(event.getUserDisplayName());
        sink.consume(event.getBadges());
        sink.consume(event.getBadgeInfo());
        sink.consume(message.getPermissions());
        sink.consume(message instanceof ChannelMessageEvent chat ? chat.getReplyInfo() : null);
        sink.consume(event.getChannelId());
        sink.consume(event.getFiredAtInstant()); // tmi-sent-ts, parsed by the event's constructor
    }
}
