package dev.chorusbot.testkit;

import dev.chorusbot.core.Button;
import dev.chorusbot.core.Outbound;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the bot answered to one message, with assertions that read like the conversation.
 *
 * <pre>{@code
 * bot.send("!hello").assertReply("hello Viktor!");
 * }</pre>
 */
public final class Replies {
    private final String sent;
    private final List<Outbound> outbound;

    Replies(String sent, List<Outbound> outbound) {
        this.sent = sent;
        this.outbound = List.copyOf(outbound);
    }

    /** The messages the bot sent, in order. */
    public List<Outbound> outbound() {
        return outbound;
    }

    /** The texts the bot sent, in order. */
    public List<String> texts() {
        return outbound.stream().map(Outbound::text).toList();
    }

    /** The only text the bot sent. */
    public String text() {
        if (outbound.size() != 1) {
            throw new AssertionError("expected one reply to '" + sent + "' but got " + describe());
        }
        return outbound.get(0).text();
    }

    /** Asserts the bot answered with exactly this one text. */
    public Replies assertReply(String expected) {
        if (outbound.size() != 1 || !outbound.get(0).text().equals(expected)) {
            throw new AssertionError("expected the reply to '" + sent + "' to be\n  \"" + expected
                    + "\"\nbut got " + describe());
        }
        return this;
    }

    /** Asserts the bot answered with exactly these texts, in order. */
    public Replies assertReplies(String... expected) {
        if (!texts().equals(List.of(expected))) {
            throw new AssertionError("expected the replies to '" + sent + "' to be " + quote(List.of(expected))
                    + "\nbut got " + describe());
        }
        return this;
    }

    /** Asserts the bot answered with one text containing {@code part}. */
    public Replies assertReplyContains(String part) {
        if (outbound.size() != 1 || !outbound.get(0).text().contains(part)) {
            throw new AssertionError("expected one reply to '" + sent + "' containing \"" + part
                    + "\"\nbut got " + describe());
        }
        return this;
    }

    /** Asserts the bot did not answer. */
    public Replies assertNoReply() {
        if (!outbound.isEmpty()) {
            throw new AssertionError("expected no reply to '" + sent + "' but got " + describe());
        }
        return this;
    }

    /** Asserts the last reply carries buttons with these labels, row after row. */
    public Replies assertButtons(String... labels) {
        List<String> actual = outbound.isEmpty() ? List.of()
                : outbound.get(outbound.size() - 1).buttons().stream()
                        .flatMap(List::stream).map(Button::label).toList();
        if (!actual.equals(List.of(labels))) {
            throw new AssertionError("expected buttons " + quote(List.of(labels)) + " under the reply to '"
                    + sent + "' but got " + quote(actual));
        }
        return this;
    }

    private String describe() {
        return outbound.isEmpty() ? "no reply" : quote(texts());
    }

    private static String quote(List<String> texts) {
        return texts.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return "Replies to '" + sent + "': " + describe();
    }
}
