package dev.chorusbot.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON trees read and written with Jackson's streaming parser and generator: the one JSON policy of
 * Chorus's adapters and hosts (Telegram, Twitch EventSub, the serverless entry points).
 *
 * <p>No {@code ObjectMapper}: building one costs about 0.15 s of a cold JVM (measured: 200 ms for a
 * mapper's first tree read and write, 40 ms for the same with the streaming core), because it sets
 * up the whole data-binding machinery, while the streaming core and the tree node classes are cheap
 * and trees need nothing else. A cloud function pays that on every cold start. Do not call
 * {@code JsonNode.toString()} in library code: it builds a mapper behind the scenes; use
 * {@link #text(JsonNode)}. Tests may use a mapper freely.
 *
 * <p>A support class for Chorus's own modules, not an API for bot authors.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class JsonTrees {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 256;

    private JsonTrees() {}

    /**
     * A new empty object.
     *
     * @return an empty object node
     */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * Reads one JSON value; nesting deeper than 256 levels is refused.
     *
     * @param bytes the UTF-8 (or UTF-16/32, detected) JSON text
     * @return the value as a tree
     * @throws JsonParseException when the bytes are not one well-formed JSON value
     * @throws IOException when the bytes cannot be read as JSON text
     */
    public static JsonNode read(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new JsonParseException(parser, "no content");
            }
            JsonNode value = value(parser, token, 0);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "content after the JSON value");
            }
            return value;
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token, int depth) throws IOException {
        if (token == null) {
            throw new JsonParseException(parser, "unexpected end of input");
        }
        switch (token) {
            case START_OBJECT -> {
                checkDepth(parser, depth);
                ObjectNode object = NODES.objectNode();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_OBJECT) {
                    if (next != JsonToken.FIELD_NAME) {
                        throw new JsonParseException(parser, "expected a field name");
                    }
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken(), depth + 1));
                }
                return object;
            }
            case START_ARRAY -> {
                checkDepth(parser, depth);
                ArrayNode array = NODES.arrayNode();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(value(parser, next, depth + 1));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(parser, "unexpected " + token);
        }
    }

    private static void checkDepth(JsonParser parser, int depth) throws JsonParseException {
        if (depth >= MAX_DEPTH) {
            throw new JsonParseException(parser, "nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    /**
     * Writes {@code node} as compact JSON.
     *
     * @param node the tree to write; a missing node is written as {@code null}
     * @return the UTF-8 bytes
     */
    public static byte[] write(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return out.toByteArray();
    }

    /**
     * {@code node} as compact JSON text.
     *
     * @param node the tree to write
     * @return the JSON text
     */
    public static String text(JsonNode node) {
        return new String(write(node), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    write(out, field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    if (node.canConvertToLong()) {
                        out.writeNumber(node.longValue());
                    } else {
                        out.writeNumber(node.bigIntegerValue());
                    }
                } else if (node.isBigDecimal()) {
                    out.writeNumber(node.decimalValue());
                } else {
                    out.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL, MISSING -> out.writeNull();
            default -> out.writeString(node.asText());
        }
    }
}
