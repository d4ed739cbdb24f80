package dev.chorusbot.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorusbot.core.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Golden files: compares wire output (the JSON a bot sends, the IRC lines it writes) with a file
 * under the test resources, and on a mismatch fails with a line diff that shows what changed.
 *
 * <pre>{@code
 * Golden.assertJson("golden/telegram/send-message-with-buttons.json",
 *         telegram.calls("sendMessage").get(0).json());
 * Golden.assertLines("golden/twitch/login.txt", twitch.received());
 * }</pre>
 *
 * <p>Files are read from the test class path ({@code src/test/resources/golden/...}). Run the tests
 * with {@code -Dchorus.golden.update=true} to write the output seen into
 * {@code src/test/resources/} of the module under test instead of comparing; review the change
 * with {@code git diff} before committing it.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class Golden {
    /** The system property that makes the assertions write the golden files instead. */
    public static final String UPDATE_PROPERTY = "chorus.golden.update";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private Golden() {}

    /**
     * Asserts that {@code actualJson} is the JSON in the golden file: the same fields in the same
     * order with the same values. Whitespace does not count: both sides are written pretty-printed,
     * so the file is readable and the diff shows one field per line.
     *
     * @param resource the file on the test class path, such as
     *     {@code golden/telegram/send-message-with-buttons.json}
     * @param actualJson the JSON as sent
     * @throws AssertionError with a line diff when they differ, or naming the file when it is
     *     missing
     * @throws IllegalArgumentException when {@code actualJson} is not JSON
     */
    public static void assertJson(String resource, String actualJson) {
        assertText(resource, pretty(actualJson, "the actual output"));
    }

    /**
     * Asserts that {@code actualLines} are the lines of the golden file, one per line, in order.
     *
     * @param resource the file on the test class path, such as {@code golden/twitch/login.txt}
     * @param actualLines the lines as sent, without line endings
     * @throws AssertionError with a line diff when they differ, or naming the file when it is
     *     missing
     */
    public static void assertLines(String resource, List<String> actualLines) {
        assertText(resource, actualLines.isEmpty() ? "" : String.join("\n", actualLines) + "\n");
    }

    /**
     * Replaces values that change from run to run (ids, timestamps) with stable placeholders.
     *
     * @param text the output
     * @param replacements each value to replace, mapped to its placeholder, such as
     *     {@code messageId -> "{message-id}"}
     * @return the output with every occurrence replaced
     */
    public static String stable(String text, Map<String, String> replacements) {
        String result = text;
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            result = result.replace(r.getKey(), r.getValue());
        }
        return result;
    }

    /**
     * Asserts that {@code actual} is the text of the golden file; a final line ending on either side
     * does not count.
     *
     * @param resource the file on the test class path
     * @param actual the output
     * @throws AssertionError with a line diff when they differ, or naming the file when it is
     *     missing
     */
    public static void assertText(String resource, String actual) {
        String normalized = actual.isEmpty() || actual.endsWith("\n") ? actual : actual + "\n";
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(resource, normalized);
            return;
        }
        String expected = read(resource);
        if (!expected.isEmpty() && !expected.endsWith("\n")) {
            expected += "\n";
        }
        if (!expected.equals(normalized)) {
            throw new AssertionError("the output differs from the golden file " + resource
                    + " (- golden, + actual; rerun with -D" + UPDATE_PROPERTY + "=true to accept it):\n"
                    + LineDiff.of(lines(expected), lines(normalized)));
        }
    }

    private static List<String> lines(String text) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        return lines.subList(0, lines.size() - 1); // the text ends with a line ending
    }

    private static String pretty(String json, String what) {
        try {
            JsonNode node = JSON.readTree(json);
            return JSON.writer(PRETTY).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + json, e);
        }
    }

    private static String read(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no golden file " + resource + " on the test class path; create it under"
                        + " src/test/resources/, or run with -D" + UPDATE_PROPERTY + "=true to write it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the golden file " + resource, e);
        }
    }

    private static void write(String resource, String text) {
        Path file = Path.of("src", "test", "resources").resolve(resource);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the golden file " + file.toAbsolutePath(), e);
        }
    }
}
