package dev.chorusbot.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Attachment;
import dev.chorusbot.json.JsonTrees;
import dev.chorusbot.telegram.TelegramUpdate;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhook bodies read from the streaming parser give exactly what the tree reader gives: the same
 * records and files for what Telegram sends, and the tree reader's own answer (result or error) for
 * anything unusual.
 */
class UpdateStreamTest {

    /** The tree reader's update for {@code json}: the reference the stream must match. */
    static TelegramUpdate byTree(String json) throws Exception {
        return UpdateReader.update(JsonTrees.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    static UpdateReader.Read read(String json) throws Exception {
        return UpdateReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a /hello in a forum topic, answering another message, with fields the adapter does not read
        """
        {"update_id":100000001,"message":{"message_id":2001,"message_thread_id":1055,"from":{"id":5000000001,\
        "is_bot":false,"first_name":"Anna","last_name":"Smith","username":"anna_smith","language_code":"en",\
        "is_premium":true},"chat":{"id":-1001234567890,"title":"Group","is_forum":true,"type":"supergroup"},\
        "date":1764361200,"is_topic_message":true,"reply_to_message":{"message_id":1055,"from":{"id":1087968824,\
        "is_bot":true,"first_name":"Group","username":"GroupAnonymousBot"},"chat":{"id":-1001234567890,\
        "type":"supergroup"},"date":1764300000,"forum_topic_created":{"name":"Bots","icon_color":7322096}},\
        "text":"/hello@chorus_bot how are you?","entities":[{"offset":0,"length":17,"type":"bot_command"}],\
        "link_preview_options":{"is_disabled":true},"has_protected_content":false}}""",
        // a private chat named by first and last name, an entity after an emoji
        """
        {"message":{"message_id":7,"from":{"id":10,"is_bot":false,"first_name":"Viktor"},"chat":{"id":10,\
        "type":"private","first_name":"Viktor","last_name":"Petrov","username":"vp"},"date":1,"text":"\uD83D\uDE00 /x",\
        "entities":[{"type":"bot_command","offset":3,"length":2}]},"update_id":5}""",
        // a channel post on behalf of the channel, edited
        """
        {"update_id":6,"edited_channel_post":{"message_id":9,"sender_chat":{"id":-1009,"title":"News",\
        "type":"channel","username":"news"},"chat":{"id":-1009,"title":"News","type":"channel"},"date":2,\
        "edit_date":3,"text":"hi"}}""",
        // a caption with caption entities; photo sizes smallest first; a document with a thumbnail
        """
        {"update_id":8,"message":{"message_id":3,"from":{"id":11,"first_name":"Ann"},"chat":{"id":-4,"type":"group",\
        "title":"G"},"date":5,"photo":[{"file_id":"s","file_unique_id":"u1","width":90,"height":90,"file_size":100},\
        {"file_id":"big","file_unique_id":"u2","width":800,"height":800,"file_size":9000}],\
        "document":{"file_name":"a.pdf","mime_type":"application/pdf","thumbnail":{"file_id":"t","width":1},\
        "file_id":"doc","file_size":12345},"caption":"/look here","caption_entities":[{"type":"bot_command",\
        "offset":0,"length":5}]}}""",
        // an animation, which Telegram also sends as a document: listed once, as the animation
        """
        {"update_id":9,"message":{"message_id":4,"chat":{"id":12,"type":"private","first_name":"B"},"date":6,\
        "from":{"id":12,"first_name":"B"},"animation":{"file_id":"gif","duration":2,"file_name":null},\
        "document":{"file_id":"gif"},"voice":{"file_id":"v","mime_type":"audio/ogg"},"sticker":{"file_id":" "}}}""",
        // a button press on a visible message, and one on a message the bot can no longer see
        """
        {"update_id":10,"callback_query":{"id":"4382bfdwdsb323b2d9","from":{"id":13,"first_name":"C",\
        "language_code":"pt-br"},"message":{"message_id":77,"from":{"id":1,"is_bot":true,"first_name":"Bot"},\
        "chat":{"id":13,"type":"private","first_name":"C"},"date":7,"text":"Pick","reply_markup":\
        {"inline_keyboard":[[{"text":"A","callback_data":"a"}]]}},"chat_instance":"-1","data":"a"}}""",
        """
        {"update_id":11,"callback_query":{"id":"q","from":{"id":14,"first_name":"D"},"message":{"message_id":78,\
        "chat":{"id":-15,"type":"supergroup","title":"S"},"date":0},"chat_instance":"-2","data":"b"}}""",
        """
        {"update_id":12,"callback_query":{"id":"q2","from":{"id":14,"first_name":"D"},"inline_message_id":"AAA",\
        "chat_instance":"-3","game_short_name":"g"}}""",
    })
    void readsWhatTheTreeReaderReads(String json) throws Exception {
        UpdateReader.Read read = read(json);
        TelegramUpdate tree = byTree(json);

        assertThat(read.update()).isEqualTo(tree);
        assertThat(read.update().message()).isEqualTo(tree.message());
        assertThat(read.update().callbackQuery()).isEqualTo(tree.callbackQuery());
        if (tree.message().isPresent()) {
            assertThat(read.attachments()).isEqualTo(EventMapper.attachments(tree.payload()));
        }
        assertThat(read.update().json()).isEqualTo(tree.json()); // built on demand from the same bytes
    }

    @Test
    void readsTheFilesOfAMessageWithoutATree() throws Exception {
        UpdateReader.Read read = read("""
                {"update_id":8,"message":{"message_id":3,"chat":{"id":-4,"type":"group","title":"G"},"date":5,
                 "photo":[{"file_id":"s","file_size":100},{"file_id":"big","file_size":9000}],
                 "document":{"file_id":"doc","file_name":"a.pdf","mime_type":"application/pdf","file_size":12345}}}
                """);

        assertThat(read.attachments()).extracting(Attachment::kind, Attachment::fileId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Attachment.Kind.PHOTO, "big"),
                        org.assertj.core.groups.Tuple.tuple(Attachment.Kind.DOCUMENT, "doc"));
        assertThat(read.attachments().get(1).fileName()).contains("a.pdf");
        assertThat(read.attachments().get(1).size()).hasValue(12345);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // values of types Telegram does not send: the tree reader's lenient reading applies
        """
        {"update_id":1,"message":{"message_id":2,"chat":{"id":3,"type":"private","first_name":"A"},"date":4,"text":5}}""",
        """
        {"update_id":1,"message":{"message_id":2,"chat":{"id":3,"type":"private"},"date":"4","message_thread_id":"x",\
        "text":"/a","entities":[{"type":"bot_command","offset":"0","length":2.0}]}}""",
        """
        {"update_id":1,"message":{"message_id":2,"chat":{"id":3,"title":7,"type":"group","is_forum":"yes"},"date":4,\
        "reply_to_message":5,"photo":{"file_id":"x"},"document":[1]}}""",
        // a new kind, an update with two payloads, a kind before its id, a kind the adapter maps raw
        """
        {"update_id":1,"brand_new_kind":{"x":1}}""",
        """
        {"update_id":1,"poll":{"id":"5"},"message":{"message_id":2,"chat":{"id":3},"date":4}}""",
        """
        {"message":{"message_id":2,"chat":{"id":3,"type":"private"},"date":4},"brand_new_kind":{},"update_id":1}""",
        """
        {"update_id":1,"my_chat_member":{"chat":{"id":-5,"type":"group","title":"G"},"from":{"id":6,"first_name":"F"}}}""",
        """
        {"update_id":1,"callback_query":{"id":"q","from":{"id":2,"first_name":"A"},"message":null,"data":7}}""",
    })
    void leavesUnusualValuesToTheTreeReader(String json) throws Exception {
        UpdateReader.Read read = read(json);
        TelegramUpdate tree = byTree(json);

        assertThat(read.update()).isEqualTo(tree);
        assertThat(read.attachments()).isNull(); // the mapper reads them from the tree
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "[1,2]",
        "{\"update_id\":1,\"message\":{\"message_id\":2,\"chat\":{\"id\":3},\"date\":4}",
        "{\"update_id\":1,\"message\":{\"message_id\":2,\"chat\":{\"id\":3},\"date\":4}} {}",
        "{\"update_id\":1,\"message\":{\"message_id\":2,\"chat\":{\"id\":3},\"date\":4,\"x\":[1,}}}",
        "{\"update_id\":1.5,\"message\":{\"message_id\":2,\"chat\":{\"id\":3},\"date\":4}}",
        "{\"update_id\":1,\"message\":{\"message_id\":2,\"chat\":{\"id\":99999999999999999999},\"date\":4}}",
        "{\"update_id\":1,\"message\":{\"message_id\":2,\"date\":4}}",
        "{\"update_id\":1,\"message\":{\"message_id\":2,\"chat\":{\"id\":3},\"date\":99999999999999999}}",
        "{\"update_id\":1,\"message\":{\"message_id\":2,\"chat\":{\"id\":3},\"date\":4,\"from\":null}}",
        "{\"update_id\":1,\"callback_query\":{\"id\":\"q\"}}",
    })
    void refusesWhatTheTreeReaderRefusesWithItsMessage(String json) {
        Throwable byTree = catchThrowableOf(json, true);
        Throwable byStream = catchThrowableOf(json, false);

        assertThat(byTree).isInstanceOf(UpdateReader.MalformedUpdateException.class);
        assertThat(byStream).isInstanceOf(UpdateReader.MalformedUpdateException.class)
                .hasMessage(byTree.getMessage());
    }

    @Test
    void refusesNestingTheTreeReaderRefusesEvenInAFieldItSkips() {
        String deep = "[".repeat(300) + "]".repeat(300);
        String json = "{\"update_id\":1,\"message\":{\"message_id\":2,\"chat\":{\"id\":3},\"date\":4,\"x\":" + deep + "}}";

        assertThatThrownBy(() -> read(json)).isInstanceOf(UpdateReader.MalformedUpdateException.class)
                .hasMessageContaining("nested deeper than 256 levels");
    }

    @Test
    void acceptsNestingUpToTheTreeReadersLimitInAFieldItSkips() throws Exception {
        // The update object is level 0, the message 1, its field x 2: 254 more arrays reach 255.
        String deep = "[".repeat(254) + "]".repeat(254);
        String json = "{\"update_id\":1,\"message\":{\"message_id\":2,\"chat\":{\"id\":3},\"date\":4,\"x\":" + deep + "}}";

        assertThat(read(json).update()).isEqualTo(byTree(json));
        String deeper = "{\"update_id\":1,\"message\":{\"message_id\":2,\"chat\":{\"id\":3},\"date\":4,\"x\":"
                + "[".repeat(255) + "]".repeat(255) + "}}";
        assertThatThrownBy(() -> byTree(deeper)).hasMessageContaining("nested deeper");
        assertThatThrownBy(() -> read(deeper)).hasMessageContaining("nested deeper");
    }

    @Test
    void buildsTheTreeOnceWhenFirstAskedFor() throws Exception {
        UpdateReader.Read read = read("""
                {"update_id":1,"message":{"message_id":2,"chat":{"id":3,"type":"private"},"date":4,"text":"hi",
                 "brand_new_field":{"a":[1,2]}}}""");

        JsonNode first = read.update().json();

        assertThat(first.path("message").path("brand_new_field").path("a").get(1).asInt()).isEqualTo(2);
        assertThat(read.update().json()).isSameAs(first);
        assertThat(read.update().payload().path("text").asText()).isEqualTo("hi");
        assertThat(read.update().toString()).isEqualTo("TelegramUpdate[updateId=1, kind=message]");
    }

    private static Throwable catchThrowableOf(String json, boolean tree) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try {
            if (tree) {
                UpdateReader.tree(bytes);
            } else {
                UpdateReader.read(bytes);
            }
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
