package dev.chorusbot.discord.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.json.JsonTrees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An {@link Outbound} as the JSON bodies of Create Message (or one Edit Message), as Discord's
 * Message resource and Component reference define them:
 * <ul>
 *   <li>{@code content} of at most 2000 characters; longer text becomes several messages, split at
 *       a line break or a space where there is one;</li>
 *   <li>a reply carries {@code message_reference} on its first part, with
 *       {@code fail_if_not_exists: false} so that an answer to a deleted message is still sent;</li>
 *   <li>buttons go on the last part as action rows (type 1) of at most 5 buttons (type 2, style 2,
 *       secondary) whose {@code custom_id} is the button's data: 1 to 100 characters (longer data was
 *       replaced by a token of the bot's state store before it got here), unique in the message; at
 *       most 5 rows;</li>
 *   <li>{@code allowed_mentions} parses user mentions only: a bot that repeats what users wrote
 *       never pings {@code @everyone} or a role.</li>
 * </ul>
 */
final class MessageRenderer {
    static final int MAX_CONTENT = 2000;
    static final int MAX_CUSTOM_ID = 100;
    static final int MAX_LABEL = 80;
    static final int MAX_ROW = 5;
    static final int MAX_ROWS = 5;
    private static final int ACTION_ROW = 1;
    private static final int BUTTON = 2;
    private static final int SECONDARY = 2;

    /** The bodies to send, in order; an edit is always one. */
    List<ObjectNode> render(Outbound message) {
        if (message.media().isPresent()) {
            throw new IllegalArgumentException("the Discord adapter sends no files: its capabilities declare no media,"
                    + " so the reply renderer turns them into a caption and a link");
        }
        ArrayNode components = components(message.buttons());
        if (message.editId().isPresent()) {
            ObjectNode body = JsonTrees.object();
            if (!message.isKeyboardEdit()) {
                if (message.text().length() > MAX_CONTENT) {
                    throw new IllegalArgumentException("an edited Discord message holds at most " + MAX_CONTENT
                            + " characters, the text has " + message.text().length());
                }
                body.put("content", message.text());
                mentions(body);
            }
            body.set("components", components); // an edit without buttons takes the old ones away
            return List.of(body);
        }
        List<String> parts = split(message.text(), MAX_CONTENT);
        List<ObjectNode> bodies = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode body = JsonTrees.object();
            if (!parts.get(i).isEmpty()) {
                body.put("content", parts.get(i));
                mentions(body);
            }
            if (i == 0 && message.replyToId().isPresent()) {
                body.putObject("message_reference").put("message_id", message.replyToId().get())
                        .put("fail_if_not_exists", false);
            }
            if (i == parts.size() - 1 && !components.isEmpty()) {
                body.set("components", components);
            }
            bodies.add(body);
        }
        return bodies;
    }

    private static void mentions(ObjectNode body) {
        body.putObject("allowed_mentions").putArray("parse").add("users");
    }

    private static ArrayNode components(List<List<Button>> rows) {
        ArrayNode out = JsonTrees.object().arrayNode();
        Set<String> ids = new HashSet<>();
        for (List<Button> row : rows) {
            for (int start = 0; start < row.size(); start += MAX_ROW) {
                if (out.size() == MAX_ROWS) {
                    throw new IllegalArgumentException("a Discord message shows at most " + MAX_ROWS + " rows of "
                            + MAX_ROW + " buttons, the reply has more");
                }
                ObjectNode actionRow = out.addObject().put("type", ACTION_ROW);
                ArrayNode buttons = actionRow.putArray("components");
                for (Button b : row.subList(start, Math.min(row.size(), start + MAX_ROW))) {
                    if (b.data().length() > MAX_CUSTOM_ID) {
                        throw new IllegalArgumentException("a Discord button's custom_id holds at most " + MAX_CUSTOM_ID
                                + " characters, the data of '" + b.label() + "' has " + b.data().length());
                    }
                    if (!ids.add(b.data())) {
                        throw new IllegalArgumentException("Discord refuses two buttons with the same custom_id in one"
                                + " message, and two buttons run '" + b.data() + "'");
                    }
                    buttons.addObject().put("type", BUTTON).put("style", SECONDARY).put("label", label(b.label()))
                            .put("custom_id", b.data());
                }
            }
        }
        return out;
    }

    private static String label(String label) {
        if (label.length() <= MAX_LABEL) {
            return label;
        }
        int end = MAX_LABEL - 1;
        if (Character.isHighSurrogate(label.charAt(end - 1))) {
            end--;
        }
        return label.substring(0, end) + "…";
    }

    /**
     * {@code text} in parts of at most {@code max} UTF-16 units, each cut after the last line break
     * in it, else the last space, else at {@code max} (never inside a surrogate pair); the break
     * itself is dropped. An empty text is one empty part.
     */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', max);
            }
            int next;
            if (cut <= 0) {
                cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
                next = cut;
            } else {
                next = cut + 1;
            }
            parts.add(rest.substring(0, cut));
            rest = rest.substring(next);
        }
        parts.add(rest);
        return parts;
    }
}
