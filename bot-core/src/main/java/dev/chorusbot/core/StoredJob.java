package dev.chorusbot.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A scheduled job as kept in the {@link StateStore}: its handler's name, payload, chat and period.
 * Its due time is its score in the jobs index. Written as escaped lines ({@code \} and line breaks
 * escaped), a format of Chorus's own that any store holds as a string.
 */
record StoredJob(String name, String payload, Optional<Platform> platform, Optional<Chat> chat, Duration period) {
    private static final String VERSION = "chorus-job-1";

    String encode() {
        Chat c = chat.orElse(null);
        return String.join("\n", VERSION, escape(name), escape(payload), escape(platform.map(Platform::id).orElse("")),
                c == null ? "" : escape(c.id()), c == null ? "" : c.kind().name(), c == null ? "" : escape(c.title()),
                c == null ? "" : escape(c.threadId().orElse("")), Long.toString(period.toMillis()));
    }

    /**
     * The job {@code encoded} describes.
     *
     * @throws IllegalArgumentException when it is not a job this version wrote
     */
    static StoredJob decode(String encoded) {
        String[] f = encoded.split("\n", -1);
        if (f.length != 9 || !f[0].equals(VERSION)) {
            throw new IllegalArgumentException("not a stored Chorus job: " + (f.length > 0 ? f[0] : ""));
        }
        Optional<Platform> platform = f[3].isEmpty() ? Optional.empty() : Optional.of(Platform.of(unescape(f[3])));
        Optional<Chat> chat = Optional.empty();
        if (!f[5].isEmpty()) {
            String thread = unescape(f[7]);
            chat = Optional.of(new Chat(unescape(f[4]), Chat.Kind.valueOf(f[5]), unescape(f[6]),
                    thread.isEmpty() ? Optional.empty() : Optional.of(thread)));
        }
        return new StoredJob(unescape(f[1]), unescape(f[2]), platform, chat, Duration.ofMillis(Long.parseLong(f[8])));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
