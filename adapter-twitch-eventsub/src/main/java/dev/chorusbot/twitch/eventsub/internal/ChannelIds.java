package dev.chorusbot.twitch.eventsub.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Channel logins and their broadcaster user ids. Chat ids are logins (as on IRC) but Helix wants
 * ids: they are learned from every chat notification (which carries both), and otherwise looked up
 * with Get Users. In a serverless function replies always answer a notification, so no lookup is
 * needed on a cold start.
 */
public final class ChannelIds {
    private final HelixApi api;
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    /** Ids looked up through {@code api} when not yet known. */
    public ChannelIds(HelixApi api) {
        this.api = api;
    }

    /** Remembers that channel {@code login} has broadcaster id {@code id}. */
    public void learn(String login, String id) {
        if (!login.isEmpty() && !id.isEmpty()) {
            ids.put(login.toLowerCase(Locale.ROOT), id);
        }
    }

    /**
     * The broadcaster id of channel {@code login}.
     *
     * @throws IllegalArgumentException when Twitch knows no such user
     */
    public String idOf(String login) throws IOException, InterruptedException {
        String key = login.toLowerCase(Locale.ROOT);
        String known = ids.get(key);
        if (known != null) {
            return known;
        }
        Map<String, String> found = api.userIds(List.of(key));
        String id = found.get(key);
        if (id == null) {
            throw new IllegalArgumentException("Twitch knows no channel named '" + login + "'");
        }
        ids.put(key, id);
        return id;
    }
}
