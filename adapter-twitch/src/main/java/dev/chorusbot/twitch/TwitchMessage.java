package dev.chorusbot.twitch;

import dev.chorusbot.core.Api;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Twitch chat message (an IRC {@code PRIVMSG} to a channel) with its tags read: what
 * {@code Message.unwrap(TwitchMessage.class)} gives a handler on Twitch.
 *
 * <p>Tag names and formats follow Twitch's IRC tags reference
 * (https://dev.twitch.tv/docs/irc/tags/#privmsg-tags).
 *
 * @param irc the line as received
 * @param channel the channel's login, without {@code #}
 * @param id the message id ({@code id} tag), used to reply and to delete
 * @param login the sender's login, lower case (from the source)
 * @param displayName the sender's display name ({@code display-name}, unescaped), else the login
 * @param userId the sender's user id ({@code user-id}), or {@code ""} when tags were not sent
 * @param roomId the channel's user id ({@code room-id}), or {@code ""}
 * @param sentAt when Twitch received the message ({@code tmi-sent-ts}), if given
 * @param text the text; for a {@code /me} action, without the CTCP ACTION wrapping
 * @param action true for a {@code /me} action
 * @param badges the sender's badges ({@code badges}: name to version), in order
 * @param emotes the emotes in {@code text}, as code-point ranges
 * @param replyParent the message this one replies to, if any
 */
@Api(Api.Status.EXPERIMENTAL)
public record TwitchMessage(
        IrcMessage irc,
        String channel,
        String id,
        String login,
        String displayName,
        String userId,
        String roomId,
        Optional<Instant> sentAt,
        String text,
        boolean action,
        Map<String, String> badges,
        List<Emote> emotes,
        Optional<ReplyParent> replyParent) {

    /**
     * Validates and copies the components.
     *
     * @param irc the line as received
     * @param channel the channel's login, without {@code #}
     * @param id the message id ({@code id} tag), or {@code ""} when tags were not sent
     * @param login the sender's login, lower case
     * @param displayName the sender's display name, else the login
     * @param userId the sender's user id, or {@code ""}
     * @param roomId the channel's user id, or {@code ""}
     * @param sentAt when Twitch received the message, or empty
     * @param text the text, without CTCP ACTION wrapping
     * @param action true for a {@code /me} action
     * @param badges badge name to version, in order; copied
     * @param emotes the emotes in {@code text}; copied
     * @param replyParent the message this one replies to, or empty
     * @throws NullPointerException if a component is null
     */
    public TwitchMessage {
        Objects.requireNonNull(irc, "irc");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(text, "text");
        badges = Collections.unmodifiableMap(new LinkedHashMap<>(badges));
        emotes = List.copyOf(emotes);
        Objects.requireNonNull(replyParent, "replyParent");
    }

    /**
     * One emote in a message: Twitch's {@code emotes} tag gives inclusive code-point positions
     * ({@code 25:0-4} is Kappa at the first five code points).
     *
     * @param id the emote id
     * @param start the first code point, from 0
     * @param end the last code point, inclusive
     */
    public record Emote(String id, int start, int end) {
        /**
         * Validates the components.
         *
         * @param id the emote id
         * @param start the first code point, from 0
         * @param end the last code point, inclusive, not before {@code start}
         * @throws NullPointerException if {@code id} is null
         * @throws IllegalArgumentException if {@code start} is negative or {@code end} is before it
         */
        public Emote {
            Objects.requireNonNull(id, "id");
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("emote range " + start + "-" + end + " is invalid");
            }
        }

        /**
         * The emote's text in {@code text} (counted in code points, so emoji before it do not shift
         * it).
         *
         * @param text the text the positions refer to, normally {@link TwitchMessage#text()}
         * @return the emote's code points {@code start} to {@code end}, such as {@code Kappa}
         * @throws IndexOutOfBoundsException if the range lies beyond {@code text}
         */
        public String in(String text) {
            int from = text.offsetByCodePoints(0, start);
            int to = text.offsetByCodePoints(from, end - start + 1);
            return text.substring(from, to);
        }
    }

    /**
     * The message a reply answers ({@code reply-parent-*} tags).
     *
     * @param msgId the parent message's id
     * @param userId the parent's sender id
     * @param userLogin the parent's sender login
     * @param displayName the parent's sender display name
     * @param body the parent message's text
     */
    public record ReplyParent(String msgId, String userId, String userLogin, String displayName, String body) {
        /**
         * Validates the components.
         *
         * @param msgId the parent message's id
         * @param userId the parent's sender id, or {@code ""} when the tag was missing
         * @param userLogin the parent's sender login, or {@code ""}
         * @param displayName the parent's sender display name, or {@code ""}
         * @param body the parent message's text, or {@code ""}
         * @throws NullPointerException if a component is null
         */
        public ReplyParent {
            Objects.requireNonNull(msgId, "msgId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(userLogin, "userLogin");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(body, "body");
        }
    }

    private static final String ACTION_START = "\u0001ACTION ";

    /**
     * Reads a {@code PRIVMSG} line. Where tags are missing (a server without Twitch's tags
     * capability) the id is empty, the display name is the login and the lists are empty.
     *
     * @param irc a parsed line from Twitch
     * @return the message, with its channel and login in lower case
     * @throws IllegalArgumentException when {@code irc} is not a PRIVMSG to a channel, or a tag is malformed
     */
    public static TwitchMessage from(IrcMessage irc) {
        if (!irc.command().equals("PRIVMSG") || irc.params().size() < 2 || !irc.param(0).startsWith("#")) {
            throw new IllegalArgumentException("not a PRIVMSG to a channel: " + irc.command());
        }
        IrcTags tags = irc.tags();
        String channel = irc.param(0).substring(1).toLowerCase(Locale.ROOT);
        String login = irc.tags().getOrDefault("login", irc.nick()).toLowerCase(Locale.ROOT);
        String displayName = tags.getOrDefault("display-name", login).strip();
        if (displayName.isEmpty()) {
            displayName = login;
        }
        String text = irc.trailing();
        boolean action = false;
        // A /me action arrives as a CTCP ACTION: "\u0001ACTION waves\u0001" (the closing byte may be missing).
        if (text.startsWith(ACTION_START)) {
            action = true;
            int end = text.endsWith("\u0001") ? text.length() - 1 : text.length();
            text = text.substring(ACTION_START.length(), Math.max(ACTION_START.length(), end));
        }
        Optional<Instant> sentAt = tags.get("tmi-sent-ts").filter(s -> !s.isEmpty()).map(TwitchMessage::millis);
        Optional<ReplyParent> parent = tags.get("reply-parent-msg-id").filter(s -> !s.isEmpty())
                .map(msgId -> new ReplyParent(msgId, tags.getOrDefault("reply-parent-user-id", ""),
                        tags.getOrDefault("reply-parent-user-login", ""),
                        tags.getOrDefault("reply-parent-display-name", ""),
                        tags.getOrDefault("reply-parent-msg-body", "")));
        return new TwitchMessage(irc, channel, tags.getOrDefault("id", ""), login, displayName,
                tags.getOrDefault("user-id", ""), tags.getOrDefault("room-id", ""), sentAt, text, action,
                badges(tags.getOrDefault("badges", "")), emotes(tags.getOrDefault("emotes", ""), text), parent);
    }

    private static Instant millis(String value) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tmi-sent-ts '" + value + "' is not a number of milliseconds");
        }
    }

    /**
     * The badges of any tagged Twitch line (PRIVMSG, USERNOTICE, USERSTATE): the {@code badges} tag
     * {@code broadcaster/1,subscriber/12} read as {broadcaster=1, subscriber=12}, in order.
     *
     * @param tags the line's tags
     * @return badge name to version (empty for a badge without {@code /}), in the tag's order;
     *     empty when the line has no badges
     */
    public static Map<String, String> badges(IrcTags tags) {
        return badges(tags.getOrDefault("badges", ""));
    }

    private static Map<String, String> badges(String tag) {
        if (tag.isEmpty()) {
            return Map.of();
        }
        Map<String, String> badges = new LinkedHashMap<>();
        for (String badge : tag.split(",")) {
            if (badge.isEmpty()) {
                continue;
            }
            int slash = badge.indexOf('/');
            badges.put(slash < 0 ? badge : badge.substring(0, slash), slash < 0 ? "" : badge.substring(slash + 1));
        }
        return badges;
    }

    /**
     * {@code 25:0-4,12-16/1902:6-10} to three emotes. A range past the end of {@code text} is left
     * out (the message is kept), so {@link Emote#in} never fails on the message's own text.
     */
    private static List<Emote> emotes(String tag, String text) {
        if (tag.isEmpty()) {
            return List.of();
        }
        int codePoints = text.codePointCount(0, text.length());
        List<Emote> emotes = new ArrayList<>();
        for (String emote : tag.split("/")) {
            int colon = emote.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("emotes tag entry '" + emote + "' has no id:ranges");
            }
            String id = emote.substring(0, colon);
            for (String range : emote.substring(colon + 1).split(",")) {
                int dash = range.indexOf('-');
                Emote parsed;
                try {
                    parsed = new Emote(id, Integer.parseInt(range.substring(0, dash)),
                            Integer.parseInt(range.substring(dash + 1)));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("emotes tag range '" + range + "' is not start-end", e);
                }
                if (parsed.end() < codePoints) {
                    emotes.add(parsed);
                }
            }
        }
        emotes.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return emotes;
    }
}
