package dev.chorusbot.testkit;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Reply;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the bot answered to one message, with assertions that read like the conversation.
 *
 * <pre>{@code
 * bot.send("!hello").assertReply("hello Viktor!");
 * }</pre>
 */
@Api(Api.Status.STABLE)
public final class Replies {
    private final String sent;
    private final List<Outbound> outbound;
    private final Optional<Reply.Notice> notice;

    Replies(String sent, List<Outbound> outbound) {
        this(sent, outbound, Optional.empty());
    }

    Replies(String sent, List<Outbound> outbound, Optional<Reply.Notice> notice) {
        this.sent = sent;
        this.outbound = List.copyOf(outbound);
        this.notice = notice;
    }

    /**
     * The notice the bot answered a button press with ({@link Reply#notice(String)}).
     *
     * @return the notice; empty when there was none, or the event was not a press
     */
    public Optional<Reply.Notice> notice() {
        return notice;
    }

    /**
     * Asserts that the bot answered the press with the notice {@code expected}.
     *
     * @param expected the notice's text
     * @return these replies, for chaining further assertions
     * @throws AssertionError when there was another notice or none
     */
    public Replies assertNotice(String expected) {
        if (notice.isEmpty() || !notice.get().text().equals(expected)) {
            throw new AssertionError("expected the notice \"" + expected + "\" for '" + sent + "' but got "
                    + notice.map(n -> "\"" + n.text() + "\"").orElse("none"));
        }
        return this;
    }

    /**
     * Asserts that the bot answered by editing the message whose button was pressed, to {@code
     * expected}.
     *
     * @param expected the edited text
     * @return these replies, for chaining further assertions
     * @throws AssertionError when the answer is not exactly one edit with that text
     */
    public Replies assertEdit(String expected) {
        if (outbound.size() != 1 || outbound.get(0).editId().isEmpty() || !outbound.get(0).text().equals(expected)) {
            throw new AssertionError("expected an edit to \"" + expected + "\" for '" + sent + "' but got "
                    + outbound.stream().map(o -> (o.editId().isPresent() ? "edit " : "new ") + "\"" + o.text() + "\"")
                            .toList());
        }
        return this;
    }

    /**
     * The messages the bot sent, in order.
     *
     * @return the rendered messages, with chat, format and buttons; empty for no answer
     */
    public List<Outbound> outbound() {
        return outbound;
    }

    /**
     * The texts the bot sent, in order.
     *
     * @return one text per message sent; empty when the bot did not answer
     */
    public List<String> texts() {
        return outbound.stream().map(Outbound::text).toList();
    }

    /**
     * The only text the bot sent.
     *
     * @return the text of the single reply
     * @throws AssertionError when the bot sent no reply or more than one
     */
    public String text() {
        if (outbound.size() != 1) {
            throw new AssertionError("expected one reply to '" + sent + "' but got " + describe());
        }
        return outbound.get(0).text();
    }

    /**
     * Asserts the bot answered with exactly this one text.
     *
     * @param expected the whole text of the single reply, compared exactly
     * @return these replies, for chaining further assertions
     * @throws AssertionError when there is not exactly one reply or its text differs
     */
    public Replies assertReply(String expected) {
        if (outbound.size() != 1 || !outbound.get(0).text().equals(expected)) {
            throw new AssertionError("expected the reply to '" + sent + "' to be\n  \"" + expected
                    + "\"\nbut got " + describe());
        }
        return this;
    }

    /**
     * Asserts the bot answered with exactly these texts, in order.
     *
     * @param expected the texts of all replies, in order; none for no reply
     * @return these replies, for chaining further assertions
     * @throws AssertionError when the texts sent differ in number, order or content
     */
    public Replies assertReplies(String... expected) {
        if (!texts().equals(List.of(expected))) {
            throw new AssertionError("expected the replies to '" + sent + "' to be " + quote(List.of(expected))
                    + "\nbut got " + describe());
        }
        return this;
    }

    /**
     * Asserts the bot answered with one text containing {@code part}.
     *
     * @param part a piece of text the single reply must contain, case-sensitive
     * @return these replies, for chaining further assertions
     * @throws AssertionError when there is not exactly one reply or it lacks {@code part}
     */
    public Replies assertReplyContains(String part) {
        if (outbound.size() != 1 || !outbound.get(0).text().contains(part)) {
            throw new AssertionError("expected one reply to '" + sent + "' containing \"" + part
                    + "\"\nbut got " + describe());
        }
        return this;
    }

    /**
     * Asserts the bot did not answer.
     *
     * @return these replies, for chaining further assertions
     * @throws AssertionError when the bot sent anything
     */
    public Replies assertNoReply() {
        if (!outbound.isEmpty()) {
            throw new AssertionError("expected no reply to '" + sent + "' but got " + describe());
        }
        return this;
    }

    /**
     * Asserts the last reply carries buttons with these labels, row after row.
     *
     * @param labels every button label of the last reply, rows flattened in order; none for no
     *     buttons
     * @return these replies, for chaining further assertions
     * @throws AssertionError when the labels differ, or when there is no reply but labels are given
     */
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
