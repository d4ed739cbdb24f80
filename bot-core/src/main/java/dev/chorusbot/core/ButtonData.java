package dev.chorusbot.core;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Button data longer than the platform carries (Telegram: 64 bytes of {@code callback_data}) is
 * kept in the bot's state store under a short random token, and the button carries {@code ~} and
 * the token instead; a press with a token is routed with the data it stands for. After the TTL
 * the data is gone: the press is answered with a notice ({@code button.expired}) and runs nothing.
 */
final class ButtonData {
    /** Marks a token in a button's data; no command line starts with it. */
    static final char MARK = '~';
    private static final String KEY = "chorus:button:";
    private static final int TOKEN_BYTES = 12; // 96 random bits: 16 base64url characters

    private final StateStore state;
    private final Duration ttl;
    private SecureRandom random; // made on first use: seeding costs start-up time most bots never need

    ButtonData(StateStore state, Duration ttl) {
        this.state = state;
        this.ttl = ttl;
    }

    static boolean isToken(String data) {
        return data.length() == 1 + 16 && data.charAt(0) == MARK;
    }

    /** The data a token stands for; empty once it expired. */
    Optional<String> resolve(String token) {
        return state.get(KEY + token.substring(1));
    }

    /** {@code reply} with every button whose data exceeds {@code maxBytes} carrying a token instead. */
    Reply shorten(Reply reply, int maxBytes) {
        if (reply instanceof Reply.Text text && !tooLong(text.buttons(), maxBytes)) {
            return reply; // the common answer, decided without allocating
        }
        List<Reply.Single> parts = reply.parts();
        List<Reply.Single> changed = null;
        for (int i = 0; i < parts.size(); i++) {
            Reply.Single part = parts.get(i);
            Reply.Single shortened = part;
            if (part instanceof Reply.Text text && tooLong(text.buttons(), maxBytes)) {
                shortened = new Reply.Text(text.text(), text.format(), shorten(text.buttons(), maxBytes), text.edit(),
                        text.question(), text.ephemeral());
            } else if (part instanceof Reply.Media media && tooLong(media.buttons(), maxBytes)) {
                shortened = new Reply.Media(media.file(), media.caption(), media.format(),
                        shorten(media.buttons(), maxBytes));
            } else if (part instanceof Reply.Keyboard keyboard && tooLong(keyboard.buttons(), maxBytes)) {
                shortened = new Reply.Keyboard(shorten(keyboard.buttons(), maxBytes));
            }
            if (shortened != part && changed == null) {
                changed = new ArrayList<>(parts.subList(0, i));
            }
            if (changed != null) {
                changed.add(shortened);
            }
        }
        return changed == null ? reply : Reply.of(changed);
    }

    private static boolean tooLong(List<List<Button>> rows, int maxBytes) {
        for (List<Button> row : rows) {
            for (Button button : row) {
                if (tooLong(button.data(), maxBytes)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean tooLong(String data, int maxBytes) {
        // A UTF-16 unit takes one to three bytes of UTF-8: most data is decided without encoding it.
        if (data.length() > maxBytes) {
            return true;
        }
        return data.length() * 3 > maxBytes && data.getBytes(StandardCharsets.UTF_8).length > maxBytes;
    }

    private List<List<Button>> shorten(List<List<Button>> rows, int maxBytes) {
        List<List<Button>> result = new ArrayList<>(rows.size());
        for (List<Button> row : rows) {
            List<Button> shortened = new ArrayList<>(row.size());
            for (Button button : row) {
                shortened.add(tooLong(button.data(), maxBytes) ? Button.of(button.label(), store(button.data())) : button);
            }
            result.add(shortened);
        }
        return result;
    }

    private String store(String data) {
        byte[] bytes = new byte[TOKEN_BYTES];
        synchronized (this) {
            if (random == null) {
                random = new SecureRandom();
            }
            random.nextBytes(bytes);
        }
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        state.put(KEY + token, data, ttl);
        return MARK + token;
    }
}
