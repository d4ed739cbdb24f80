package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.ButtonPress;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Role;
import dev.chorusbot.telegram.internal.EventMapper;
import dev.chorusbot.telegram.internal.UpdateReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateMappingTest {
    final EventMapper mapper = new EventMapper(false, () -> Instant.EPOCH);

    Optional<InboundEvent> map(String json) throws Exception {
        return map(mapper, json);
    }

    static Optional<InboundEvent> map(EventMapper mapper, String json) throws Exception {
        return mapper.map(UpdateReader.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keepsIdsBeyondThirtyTwoBitsAndIgnoresUnknownFields() throws Exception {
        Message m = (Message) map("""
                {"update_id":900000001,"message":{"message_id":17,"brand_new_field":{"a":[1,2]},
                 "from":{"id":4503599627370495,"is_bot":false,"first_name":"Anna","last_name":"Smith",
                 "username":"anna","is_premium":true},
                 "chat":{"id":-1004503599627370,"type":"supergroup","title":"Big"},
                 "date":1700000000,"text":"/hello","entities":[{"type":"bot_command","offset":0,"length":6}]}}
                """).orElseThrow();

        assertThat(m.sender().id()).isEqualTo("4503599627370495");
        assertThat(m.sender().login()).isEqualTo("anna");
        assertThat(m.sender().displayName()).isEqualTo("Anna Smith");
        assertThat(m.sender().roles()).containsExactly(Role.EVERYONE);
        assertThat(m.chat()).isEqualTo(Chat.of("-1004503599627370", Chat.Kind.GROUP, "Big"));
        assertThat(m.id()).isEqualTo("17");
        assertThat(m.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        TelegramUpdate update = m.unwrap(TelegramUpdate.class).orElseThrow();
        assertThat(update.updateId()).isEqualTo(900000001L);
        assertThat(update.message().orElseThrow().command()).contains("/hello");
    }

    @Test
    void usesTheFirstNameAloneWithoutALastNameAndOwnsThePrivateChat() throws Exception {
        Message m = (Message) map("""
                {"update_id":1,"message":{"message_id":2,"from":{"id":10,"is_bot":false,"first_name":"Viktor"},
                 "chat":{"id":10,"type":"private","first_name":"Viktor"},"date":1,"text":"hi"}}
                """).orElseThrow();

        assertThat(m.sender().displayName()).isEqualTo("Viktor");
        assertThat(m.sender().login()).isEmpty();
        assertThat(m.sender().roles()).contains(Role.OWNER);
        assertThat(m.chat().kind()).isEqualTo(Chat.Kind.PRIVATE);
    }

    @Test
    void speaksAsTheChannelInAChannelPost() throws Exception {
        Message m = (Message) map("""
                {"update_id":1,"channel_post":{"message_id":3,"sender_chat":{"id":-1001,"type":"channel",
                 "title":"News","username":"news"},"chat":{"id":-1001,"type":"channel","title":"News"},
                 "date":1,"text":"!hello"}}
                """).orElseThrow();

        assertThat(m.chat().kind()).isEqualTo(Chat.Kind.CHANNEL);
        assertThat(m.sender().displayName()).isEqualTo("News");
        assertThat(m.sender().login()).isEqualTo("news");
    }

    @Test
    void speaksAsTheChatAMessageWasSentOnBehalfOfNotAsTheFakeUserInFrom() throws Exception {
        // A user posting as their channel in a group: from is Telegram's placeholder account.
        Message m = (Message) map("""
                {"update_id":1,"message":{"message_id":4,"from":{"id":136817688,"is_bot":true,
                 "first_name":"Channel","username":"Channel_Bot"},"sender_chat":{"id":-1002,"type":"channel",
                 "title":"Blog","username":"blog"},"chat":{"id":-1003,"type":"supergroup","title":"Club"},
                 "date":1,"text":"!hello"}}
                """).orElseThrow();

        assertThat(m.sender().id()).isEqualTo("-1002");
        assertThat(m.sender().displayName()).isEqualTo("Blog");
        assertThat(m.sender().login()).isEqualTo("blog");
        assertThat(m.sender().roles()).containsExactly(dev.chorusbot.core.Role.EVERYONE);
    }

    @Test
    void readsTheCaptionOfAMediaMessageAsItsText() throws Exception {
        Message m = (Message) map("""
                {"update_id":1,"message":{"message_id":2,"from":{"id":10,"first_name":"V"},
                 "chat":{"id":10,"type":"private"},"date":1,"photo":[{"file_id":"x"}],"caption":"/hello",
                 "caption_entities":[{"type":"bot_command","offset":0,"length":6}]}}
                """).orElseThrow();

        assertThat(m.text()).isEqualTo("/hello");
    }

    @Test
    void ignoresEditsUnlessAskedAndThenGivesThemTheirOwnId() throws Exception {
        String edit = """
                {"update_id":1,"edited_message":{"message_id":2,"from":{"id":10,"first_name":"V"},
                 "chat":{"id":10,"type":"private"},"date":1,"edit_date":5,"text":"/hello"}}
                """;
        assertThat(map(edit)).isEmpty();

        Message m = (Message) map(new EventMapper(true, () -> Instant.EPOCH), edit).orElseThrow();
        assertThat(m.id()).isEqualTo("2:5");
        assertThat(m.text()).isEqualTo("/hello");
    }

    @Test
    void turnsACallbackQueryIntoAButtonPressInTheMessagesTopic() throws Exception {
        ButtonPress press = (ButtonPress) map("""
                {"update_id":1,"callback_query":{"id":"4382bfdwdsb323b2d9","from":{"id":10,"first_name":"V"},
                 "message":{"message_id":44,"message_thread_id":9,"is_topic_message":true,
                 "chat":{"id":-1002,"type":"supergroup","title":"F","is_forum":true},"date":1,"text":"pick"},
                 "chat_instance":"-5","data":"roll 2d6"}}
                """).orElseThrow();

        assertThat(press.id()).isEqualTo("4382bfdwdsb323b2d9");
        assertThat(press.data()).isEqualTo("roll 2d6");
        assertThat(press.messageId()).contains("44");
        assertThat(press.chat().threadId()).contains("9");
    }

    @Test
    void turnsAnInlineModeButtonIntoAPlatformEvent() throws Exception {
        InboundEvent event = map("""
                {"update_id":1,"callback_query":{"id":"q","from":{"id":10,"first_name":"V"},
                 "inline_message_id":"AAA","chat_instance":"-5","data":"x"}}
                """).orElseThrow();

        assertThat(event).isInstanceOfSatisfying(dev.chorusbot.core.PlatformEvent.class,
                e -> assertThat(e.type()).isEqualTo("callback_query"));
    }

    @Test
    void findsNoEntityTextWhenOffsetAndLengthOverflowAnInt() {
        // offset + length wraps to a negative int; the entity lies outside the text all the same.
        TelegramEntity entity = new TelegramEntity("bot_command", Integer.MAX_VALUE, 2);

        assertThat(entity.textIn("/hello")).isEmpty();
    }
}
