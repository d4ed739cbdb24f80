package dev.chorusbot.twitch.eventsub;

import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.testkit.Golden;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The exact body Chorus POSTs to Helix's Send Chat Message ({@code POST /helix/chat/messages},
 * https://dev.twitch.tv/docs/api/reference/#send-chat-message), compared with golden files under
 * {@code src/test/resources/golden/eventsub/}.
 */
class HelixWireFormatTest {

    private static String chatMessageBody(FakeHelixApi helix) {
        return helix.requests(r -> r.method().equals("POST") && r.path().equals("/helix/chat/messages")).get(0).body();
    }

    @Test
    void repliesToACommandWithTheParentMessageId() {
        try (EventSubHarness h = new EventSubHarness()) {
            h.twitch.chatMessage(ChatMessageNotification.builder()
                    .messageId("cc106a89-1814-919d-454c-f4f2f970aae7").text("!hello"));

            h.helix.awaitSentMessages(1);
            Golden.assertJson("golden/eventsub/send-chat-message-reply.json", chatMessageBody(h.helix));
        }
    }

    @Test
    void sendsAMessageWithoutAParent() throws Exception {
        try (EventSubHarness h = new EventSubHarness()) {
            h.adapter.send(Outbound.text(Chat.of("twitchdev", Chat.Kind.GROUP, "#twitchdev"), "good morning"))
                    .get(5, TimeUnit.SECONDS);

            Golden.assertJson("golden/eventsub/send-chat-message.json", chatMessageBody(h.helix));
        }
    }
}
