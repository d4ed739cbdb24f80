package dev.chorusbot.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Api;
import java.io.IOException;
import java.util.Optional;

/**
 * One payload a bot sent to the {@link FakeDiscordGateway}.
 *
 * @param connection which connection it came over, counting from 1 in the order they opened
 * @param op its opcode: 1 heartbeat, 2 identify, 6 resume, or whatever the bot sent; -1 for a
 *     frame that was not a JSON payload
 * @param d its {@code d} field as JSON, such as {@code 42} for a heartbeat; {@code null} when it
 *     had none
 * @param json the frame exactly as sent
 * @param receivedNanos when it arrived, on the fake's clock (nanoseconds, for intervals only)
 */
@Api(Api.Status.EXPERIMENTAL)
public record GatewayPayload(int connection, int op, String d, String json, long receivedNanos) {
    /** Opcode 1, Heartbeat. */
    public static final int HEARTBEAT = 1;
    /** Opcode 2, Identify. */
    public static final int IDENTIFY = 2;
    /** Opcode 6, Resume. */
    public static final int RESUME = 6;

    /**
     * A field of {@code d} as text, by JSON pointer: {@code /session_id}, {@code /seq}, {@code
     * /intents}, {@code /properties/os}.
     *
     * @param pointer the JSON pointer into {@code d}
     * @return the value as text (a number's digits, an object's JSON); empty when absent or null
     */
    public Optional<String> field(String pointer) {
        JsonNode node = data().at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isValueNode() ? node.asText() : node.toString());
    }

    /**
     * The shard of an identify: {@code d.shard[0]}.
     *
     * @return the shard id; 0 when the identify named no shard
     */
    public int shardId() {
        JsonNode shard = data().path("shard");
        return shard.isArray() && shard.size() == 2 ? shard.get(0).asInt() : 0;
    }

    /**
     * The shard count of an identify: {@code d.shard[1]}.
     *
     * @return the shard count; 1 when the identify named no shard
     */
    public int shardCount() {
        JsonNode shard = data().path("shard");
        return shard.isArray() && shard.size() == 2 ? shard.get(1).asInt() : 1;
    }

    private JsonNode data() {
        try {
            return DiscordJson.MAPPER.readTree(d);
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
