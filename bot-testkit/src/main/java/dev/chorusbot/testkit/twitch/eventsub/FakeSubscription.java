package dev.chorusbot.testkit.twitch.eventsub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Api;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An EventSub subscription as Twitch shows it in deliveries and in
 * {@code GET /helix/eventsub/subscriptions}
 * (https://dev.twitch.tv/docs/api/reference/#get-eventsub-subscriptions), with the {@code webhook}
 * transport and cost 0.
 *
 * @param id the subscription id, a UUID on Twitch
 * @param status such as {@code enabled}, {@code webhook_callback_verification_pending}, or a
 *     revocation reason such as {@code user_removed}
 * @param type the subscription type, such as {@code channel.chat.message}
 * @param version the type's version, such as {@code 1}
 * @param condition the {@code condition} fields, such as {@code broadcaster_user_id}, in order
 * @param callback the webhook URL in {@code transport.callback}
 * @param createdAt the {@code created_at} instant
 */
@Api(Api.Status.EXPERIMENTAL)
public record FakeSubscription(String id, String status, String type, String version, Map<String, String> condition,
        String callback, Instant createdAt) {

    /**
     * Validates and copies the components.
     *
     * @param id the subscription id; not null
     * @param status the status; not null
     * @param type the type; not null
     * @param version the version; not null
     * @param condition the condition; not null, copied in its iteration order
     * @param callback the callback URL; not null
     * @param createdAt the creation instant; not null
     * @throws NullPointerException when a component is null
     */
    public FakeSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        condition = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(condition, "condition")));
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * A version {@code 1} subscription.
     *
     * @param id the subscription id
     * @param status the status
     * @param type the subscription type
     * @param condition the {@code condition} fields
     * @param callback the webhook URL
     * @param createdAt the {@code created_at} instant
     * @return the subscription
     */
    public static FakeSubscription of(String id, String status, String type, Map<String, String> condition,
            String callback, Instant createdAt) {
        return new FakeSubscription(id, status, type, "1", condition, callback, createdAt);
    }

    /**
     * A copy with another status.
     *
     * @param value the new status, such as {@code authorization_revoked}
     * @return the copy
     */
    public FakeSubscription withStatus(String value) {
        return new FakeSubscription(id, value, type, version, condition, callback, createdAt);
    }

    /**
     * The subscription object as Twitch writes it: {@code id}, {@code status}, {@code type},
     * {@code version}, {@code cost}, {@code condition}, {@code transport} and {@code created_at}
     * (RFC 3339 with nanoseconds).
     *
     * @return the JSON text
     */
    public String toJson() {
        return json().toString();
    }

    ObjectNode json() {
        ObjectNode s = EventSubJson.object();
        s.put("id", id);
        s.put("status", status);
        s.put("type", type);
        s.put("version", version);
        s.put("cost", 0);
        ObjectNode c = s.putObject("condition");
        condition.forEach(c::put);
        s.putObject("transport").put("method", "webhook").put("callback", callback);
        s.put("created_at", EventSubJson.RFC3339_NANOS.format(createdAt));
        return s;
    }
}
