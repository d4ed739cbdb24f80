package dev.chorusbot.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTreesTest {

    private static JsonNode read(String text) throws Exception {
        return JsonTrees.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryKindOfValueAsAMapperWould() throws Exception {
        String text = "{\"s\":\"h\\u00e9llo \\\"q\\\"\",\"i\":42,\"l\":9007199254740993,"
                + "\"big\":123456789012345678901234567890,\"d\":1.5,\"t\":true,\"f\":false,\"n\":null,"
                + "\"a\":[1,[2],{\"k\":\"v\"}],\"o\":{}}";

        JsonNode tree = read(text);

        assertThat(tree).isEqualTo(new ObjectMapper().readTree(text));
        assertThat(tree.get("l").isLong()).isTrue();
        assertThat(tree.get("big").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void writesCompactJsonThatReadsBackToTheSameTree() throws Exception {
        ObjectNode object = JsonTrees.object().put("method", "sendMessage").put("chat_id", -1001234567890L);
        object.putArray("rows").addObject().put("text", "ok \u2713").put("flag", true);
        object.putNull("none");

        String text = JsonTrees.text(object);

        assertThat(text).isEqualTo("{\"method\":\"sendMessage\",\"chat_id\":-1001234567890,"
                + "\"rows\":[{\"text\":\"ok \u2713\",\"flag\":true}],\"none\":null}");
        assertThat(read(text)).isEqualTo(object);
        assertThat(JsonTrees.write(object)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesAMissingNodeAsNull() {
        assertThat(JsonTrees.text(MissingNode.getInstance())).isEqualTo("null");
    }

    @Test
    void refusesAnEmptyBody() {
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("no content");
    }

    @Test
    void refusesContentAfterTheValue() {
        assertThatThrownBy(() -> read("{\"a\":1} {\"b\":2}"))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("content after the JSON value");
    }

    @Test
    void refusesMalformedJsonWithThePosition() {
        assertThatThrownBy(() -> read("{\"a\":}"))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("line: 1");
    }

    @Test
    void refusesNestingDeeperThan256LevelsWithoutOverflowingTheStack() throws Exception {
        String fine = "[".repeat(256) + "]".repeat(256);
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThat(read(fine).isArray()).isTrue();
        assertThatThrownBy(() -> read(deep))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("nested deeper than 256 levels");
    }
}
