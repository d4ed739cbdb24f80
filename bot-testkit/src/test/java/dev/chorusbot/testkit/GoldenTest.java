package dev.chorusbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden files compare whole outputs and show what changed, line by line. */
class GoldenTest {

    @Test
    void acceptsTheSameJsonWrittenWithOtherWhitespace() {
        Golden.assertJson("golden/sample.json", "{\"chat_id\":42,\"text\":\"hi\",\"reply_markup\":{\"inline_keyboard\":"
                + "[[{\"text\":\"Again\",\"callback_data\":\"again\"}]]}}");
    }

    @Test
    void showsAChangedFieldAsALineDiff() {
        assertThatThrownBy(() -> Golden.assertJson("golden/sample.json", "{\"chat_id\":42,\"text\":\"hello\","
                + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Again\",\"callback_data\":\"again\"}]]}}"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("the output differs from the golden file golden/sample.json (- golden, + actual; rerun with"
                        + " -Dchorus.golden.update=true to accept it):\n"
                        + "  {\n"
                        + "    \"chat_id\": 42,\n"
                        + "-   \"text\": \"hi\",\n"
                        + "+   \"text\": \"hello\",\n"
                        + "    \"reply_markup\": {\n"
                        + "      \"inline_keyboard\": [\n"
                        + "        [\n"
                        + "          {\n"
                        + "            \"text\": \"Again\",\n"
                        + "            \"callback_data\": \"again\"\n"
                        + "          }\n"
                        + "        ]\n"
                        + "      ]\n"
                        + "    }\n"
                        + "  }");
    }

    @Test
    void treatsAnotherFieldOrderAsADifference() {
        assertThatThrownBy(() -> Golden.assertJson("golden/sample.json", "{\"text\":\"hi\",\"chat_id\":42,"
                + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Again\",\"callback_data\":\"again\"}]]}}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("-   \"chat_id\": 42,");
    }

    @Test
    void comparesLinesAfterReplacingValuesThatChangeFromRunToRun() {
        List<String> sent = List.of("PASS oauth:tok3n", "NICK chorus_bot",
                "@reply-parent-msg-id=4d1b8b0e PRIVMSG #chorus :hello Viktor!");

        Golden.assertLines("golden/sample.txt",
                List.of(Golden.stable(String.join("\n", sent), Map.of("4d1b8b0e", "{message-id}")).split("\n")));
    }

    @Test
    void namesAMissingGoldenFile() {
        assertThatThrownBy(() -> Golden.assertLines("golden/none.txt", List.of("x")))
                .isInstanceOf(AssertionError.class)
                .hasMessage("no golden file golden/none.txt on the test class path; create it under src/test/resources/,"
                        + " or run with -Dchorus.golden.update=true to write it");
        assertThat(Golden.UPDATE_PROPERTY).isEqualTo("chorus.golden.update");
    }
}
