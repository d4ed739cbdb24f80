package dev.chorusbot.core.internal;

import dev.chorusbot.core.Button;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Format;
import dev.chorusbot.core.MediaFile;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a {@link Reply} for one platform's {@link Capabilities}: drops markup the platform does
 * not render, writes buttons out as text where it has none, joins lines where it is single-line,
 * splits text over the length limit (buttons go under the last piece), turns media into caption
 * and link where the platform has no media, and edits the pressed message where the platform can.
 * Notices are not messages: the caller hands them to the adapter with the press.
 */
public final class ReplyRenderer {
    /** Joins lines on platforms whose messages are one line (Twitch). */
    static final String LINE_JOINER = " | ";

    private ReplyRenderer() {}

    /**
     * Renders {@code reply} as new messages (an edit becomes a new message).
     *
     * @param prefix the command prefix to show in buttons written out as text
     */
    public static List<Outbound> render(
            Reply reply, Capabilities caps, Chat chat, Optional<String> replyToId, String prefix) {
        return render(reply, caps, chat, replyToId, prefix, Optional.empty());
    }

    /**
     * Renders {@code reply}; {@code pressedId} is the bot message whose button was pressed, which
     * {@link Reply.Text#asEdit()} and {@link Reply.Keyboard} change where the platform can edit.
     *
     * @param prefix the command prefix to show in buttons written out as text
     */
    public static List<Outbound> render(Reply reply, Capabilities caps, Chat chat, Optional<String> replyToId,
            String prefix, Optional<String> pressedId) {
        Optional<String> editable = caps.edits() ? pressedId : Optional.empty();
        if (reply instanceof Reply.Single single) {
            // Most replies are one text of one message: its list goes out as it is, with no list of
            // parts to walk and none to collect into (this runs for every answered command).
            return renderPart(single, caps, chat, replyToId, prefix, editable);
        }
        List<Reply.Single> parts = reply.parts();
        if (parts.isEmpty()) {
            return List.of();
        }
        List<Outbound> out = new ArrayList<>(parts.size());
        for (Reply.Single part : parts) {
            out.addAll(renderPart(part, caps, chat, replyToId, prefix, editable));
        }
        return out;
    }

    private static List<Outbound> renderPart(Reply.Single part, Capabilities caps, Chat chat,
            Optional<String> replyToId, String prefix, Optional<String> editable) {
        if (part instanceof Reply.Text text) {
            return renderText(text.text(), text.format(), text.buttons(), caps, chat, replyToId, prefix,
                    text.edit() ? editable : Optional.empty(), text.question(), text.ephemeral() && caps.ephemeral());
        }
        if (part instanceof Reply.Media media) {
            return renderMedia(media, caps, chat, replyToId, prefix);
        }
        if (part instanceof Reply.Keyboard keyboard && editable.isPresent() && caps.buttons()) {
            return List.of(new Outbound(chat, "", Format.PLAIN, keyboard.buttons(), Optional.empty(), Optional.empty(),
                    editable));
        }
        // A Notice answers the press itself, and a Keyboard without a message to edit has nothing to change.
        return List.of();
    }

    private static List<Outbound> renderMedia(Reply.Media media, Capabilities caps, Chat chat,
            Optional<String> replyToId, String prefix) {
        if (!caps.media()) {
            // Never silence: the caption, and the link where there is one; else what the file is.
            String link = media.file().source() instanceof MediaFile.Url url ? url.uri().toString() : "";
            String caption = media.format() == Format.PLAIN || caps.supports(media.format()) ? media.caption()
                    : Markup.toPlain(media.caption(), media.format());
            String body = (caption.strip() + ' ' + link).strip();
            if (body.isEmpty()) {
                body = "[" + media.file().kind().name().toLowerCase(Locale.ROOT)
                        + (media.file().source() instanceof MediaFile.Upload upload ? ": " + upload.fileName() : "") + "]";
            }
            return renderText(body, caps.supports(media.format()) ? media.format() : Format.PLAIN, media.buttons(),
                    caps, chat, replyToId, prefix, Optional.empty(), false, false);
        }
        Format format = media.format();
        String caption = media.caption();
        if (!caps.supports(format)) {
            caption = Markup.toPlain(caption, format);
            format = Format.PLAIN;
        }
        List<List<Button>> buttons = media.buttons();
        if (!buttons.isEmpty() && !caps.buttons()) {
            caption = (caption + "\n" + buttonsAsText(buttons, prefix)).strip();
            buttons = List.of();
        }
        return List.of(new Outbound(chat, caption, format, buttons, replyToId, Optional.of(media.file()),
                Optional.empty()));
    }

    private static List<Outbound> renderText(String text, Format textFormat, List<List<Button>> rows,
            Capabilities caps, Chat chat, Optional<String> replyToId, String prefix, Optional<String> editId,
            boolean question, boolean ephemeral) {
        Format format = textFormat;
        String body = text;
        if (!caps.supports(format)) {
            body = Markup.toPlain(body, format);
            format = Format.PLAIN;
        }
        List<List<Button>> buttons = rows;
        if (!buttons.isEmpty() && !caps.buttons()) {
            body = body + "\n" + buttonsAsText(buttons, prefix);
            buttons = List.of();
        }
        if (!caps.multiline()) {
            body = body.strip().replaceAll("\\s*\\R+\\s*", LINE_JOINER);
        }
        List<String> pieces = TextSplitter.split(body, caps.maxTextLength(), caps.lengthUnit());
        if (pieces.size() == 1) {
            return List.of(piece(chat, pieces.get(0), format, buttons, replyToId, editId, question, ephemeral));
        }
        List<Outbound> out = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            // An edit replaces the pressed message with the first piece; any further pieces follow as new messages.
            out.add(piece(chat, pieces.get(i), format, last ? buttons : List.of(), replyToId,
                    i == 0 ? editId : Optional.empty(), last && question, ephemeral));
        }
        return out;
    }

    /** One message of a text: an edit is not threaded, asks nothing and is seen by all. */
    private static Outbound piece(Chat chat, String text, Format format, List<List<Button>> buttons,
            Optional<String> replyToId, Optional<String> edit, boolean question, boolean ephemeral) {
        return new Outbound(chat, text, format, buttons, edit.isPresent() ? Optional.empty() : replyToId,
                Optional.empty(), edit, question && edit.isEmpty(), ephemeral && edit.isEmpty());
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
