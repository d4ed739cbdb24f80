package dev.chorusbot.core.internal;

import dev.chorusbot.core.Button;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Format;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a {@link Reply} for one platform's {@link Capabilities}: drops markup the platform does
 * not render, writes buttons out as text where it has none, joins lines where it is single-line,
 * and splits text over the length limit (buttons go under the last piece).
 */
public final class ReplyRenderer {
    /** Joins lines on platforms whose messages are one line (Twitch). */
    static final String LINE_JOINER = " | ";

    private ReplyRenderer() {}

    /**
     * Renders {@code reply}.
     *
     * @param prefix the command prefix to show in buttons written out as text
     */
    public static List<Outbound> render(
            Reply reply, Capabilities caps, Chat chat, Optional<String> replyToId, String prefix) {
        List<Reply.Text> texts = reply.texts();
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Outbound> out = new ArrayList<>(texts.size());
        for (Reply.Text text : texts) {
            renderText(text, caps, chat, replyToId, prefix, out);
        }
        return out;
    }

    private static void renderText(
            Reply.Text reply, Capabilities caps, Chat chat, Optional<String> replyToId, String prefix,
            List<Outbound> out) {
        Format format = reply.format();
        String body = reply.text();
        if (!caps.supports(format)) {
            body = Markup.toPlain(body, format);
            format = Format.PLAIN;
        }
        List<List<Button>> buttons = reply.buttons();
        if (!buttons.isEmpty() && !caps.buttons()) {
            body = body + "\n" + buttonsAsText(buttons, prefix);
            buttons = List.of();
        }
        if (!caps.multiline()) {
            body = body.strip().replaceAll("\\s*\\R+\\s*", LINE_JOINER);
        }
        List<String> pieces = TextSplitter.split(body, caps.maxTextLength(), caps.lengthUnit());
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            out.add(new Outbound(chat, pieces.get(i), format, last ? buttons : List.of(), replyToId,
                    last && reply.question()));
        }
    }

    /** Buttons written as text, one row a line: {@code Roll again: !roll 2d6 | Stop: !stop}. */
    static String buttonsAsText(List<List<Button>> rows, String prefix) {
        return rows.stream()
                .map(row -> row.stream()
                        .map(b -> b.label() + ": " + prefix + b.data())
                        .collect(Collectors.joining(LINE_JOINER)))
                .collect(Collectors.joining("\n"));
    }
}
