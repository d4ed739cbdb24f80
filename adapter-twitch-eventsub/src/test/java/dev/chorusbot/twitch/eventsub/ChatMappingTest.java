package dev.chorusbot.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PlatformEvent;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import dev.chorusbot.testkit.twitch.eventsub.FakeSubscription;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What commands see: the same neutral message the IRC adapter makes of a PRIVMSG. */
class ChatMappingTest {
    private final List<InboundEvent> events = new CopyOnWriteArrayList<>();
    private FakeHelixApi helix;
    private TwitchEventSubAdapter adapter;
    private WebhookServer server;
    private FakeEventSubSender twitch;

    @BeforeEach
    void start() throws Exception {
        helix = FakeHelixApi.start();
        adapter = new TwitchEventSubAdapter(EventSubHarness.config(helix).build());
        adapter.start(new EventSink() {
            @Override
            public CompletableFuture<Handled> dispatch(InboundEvent event) {
                events.add(event);
                return CompletableFuture.completedFuture(new Handled(event, List.of()));
            }

            @Override
            public void stopped(Adapter stopped, Throwable failure) {}
        });
        server = WebhookServer.builder().address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        server.routes().add(adapter.webhookPath(), adapter.endpoint());
        server.start();
        twitch = FakeEventSubSender.builder().callback(URI.create("http://127.0.0.1:" + server.port() + "/twitch"))
                .secret(EventSubHarness.SECRET).start();
    }

    @AfterEach
    void stop() {
        server.close();
        adapter.close();
        helix.close();
    }

    @Test
    void mapsAChatMessageLikeTheIrcAdapterDoes() {
        ChatMessageNotification sent = ChatMessageNotification.builder()
                .broadcaster("141981764", "twitchdev", "TwitchDev")
                .chatter("129546453", "viktor", "Viktor")
                .text("!hello there")
                .badge("subscriber", "3012", "14")
                .replyTo("b1c2d3", "555", "anna", "Anna", "who's here?");

        twitch.chatMessage(sent);

        Message message = (Message) events.get(0);
        assertThat(message.platform()).isEqualTo(Platform.of("twitch"));
        assertThat(message.id()).isEqualTo(sent.messageId());
        assertThat(message.chat()).isEqualTo(Chat.of("twitchdev", Chat.Kind.GROUP, "#twitchdev"));
        assertThat(message.sender()).isEqualTo(new User("129546453", "viktor", "Viktor", java.util.Set.of(Role.SUBSCRIBER)));
        assertThat(message.text()).isEqualTo("!hello there");
        assertThat(message.replyToId()).hasValue("b1c2d3");
        assertThat(message.time()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        ChatMessageEvent raw = message.unwrap(ChatMessageEvent.class).orElseThrow();
        assertThat(raw.badges()).containsExactly(new ChatMessageEvent.Badge("subscriber", "3012", "14"));
        assertThat(raw.reply()).hasValueSatisfying(r -> assertThat(r.parentUserLogin()).isEqualTo("anna"));
        assertThat(raw.color()).isEqualTo("#FF0000");
        assertThat(raw.fragments()).extracting(ChatMessageEvent.Fragment::type).containsExactly("text");
    }

    @Test
    void aReplyLosesTheLeadingMentionOfTheRepliedToUserSoItsCommandIsSeen() {
        twitch.chatMessage(ChatMessageNotification.builder()
                .chatter("129546453", "viktor", "Viktor")
                .text("@Anna !hello")
                .replyTo("b1c2d3", "555", "anna", "Anna", "who's here?"));
        twitch.chatMessage(ChatMessageNotification.builder()
                .chatter("129546453", "viktor", "Viktor")
                .text("@someone_else !hello")
                .replyTo("b1c2d4", "555", "anna", "Anna", "who's here?"));

        assertThat(((Message) events.get(0)).text()).isEqualTo("!hello");
        assertThat(((Message) events.get(0)).unwrap(ChatMessageEvent.class).orElseThrow().text())
                .as("the platform object keeps Twitch's text").isEqualTo("@Anna !hello");
        assertThat(((Message) events.get(1)).text()).as("only the replied-to user's mention is dropped")
                .isEqualTo("@someone_else !hello");
    }

    @Test
    void mapsBadgesToRoles() {
        twitch.chatMessage(ChatMessageNotification.builder().chatter("1", "b", "B").badge("broadcaster", "1", ""));
        twitch.chatMessage(ChatMessageNotification.builder().chatter("2", "m", "M").badge("moderator", "1", ""));
        twitch.chatMessage(ChatMessageNotification.builder().chatter("3", "v", "V").badge("vip", "1", ""));
        twitch.chatMessage(ChatMessageNotification.builder().chatter("4", "f", "F").badge("founder", "0", "2"));
        twitch.chatMessage(ChatMessageNotification.builder().chatter("5", "e", "E").badge("no_video", "1", ""));
        twitch.chatMessage(ChatMessageNotification.builder().chatter("141981764", "twitchdev", "TwitchDev"));

        assertThat(events).extracting(e -> ((Message) e).sender().highestRole())
                .containsExactly(Role.OWNER, Role.MODERATOR, Role.VIP, Role.SUBSCRIBER, Role.EVERYONE, Role.OWNER);
    }

    @Test
    void fallsBackToTheLoginWhenTheDisplayNameIsEmpty() {
        twitch.chatMessage(ChatMessageNotification.builder().chatter("7", "quiet_one", ""));

        assertThat(((Message) events.get(0)).sender().displayName()).isEqualTo("quiet_one");
    }

    @Test
    void passesOtherSubscriptionTypesAsPlatformEvents() {
        String event = "{\"broadcaster_user_id\":\"141981764\",\"broadcaster_user_login\":\"twitchdev\","
                + "\"broadcaster_user_name\":\"TwitchDev\",\"chatter_user_id\":\"129546453\","
                + "\"chatter_user_login\":\"viktor\",\"chatter_user_name\":\"Viktor\",\"notice_type\":\"sub\"}";

        FakeEventSubSender.Delivery delivery = twitch.notification(FakeSubscription.of("s-1", "enabled",
                "channel.chat.notification", Map.of("broadcaster_user_id", "141981764", "user_id", "900000001"),
                "https://example.com/twitch", Instant.now()), event);

        assertThat(delivery.status()).isEqualTo(200);
        PlatformEvent platformEvent = (PlatformEvent) events.get(0);
        assertThat(platformEvent.type()).isEqualTo("channel.chat.notification");
        assertThat(platformEvent.id()).isEqualTo(delivery.messageId());
        assertThat(platformEvent.chat()).hasValue(Chat.of("twitchdev", Chat.Kind.GROUP, "#twitchdev"));
        assertThat(platformEvent.sender().map(User::login)).isEqualTo(Optional.of("viktor"));
        EventSubNotification raw = platformEvent.unwrap(EventSubNotification.class).orElseThrow();
        assertThat(raw.eventJson()).contains("\"notice_type\":\"sub\"");
        assertThat(raw.subscription().type()).isEqualTo("channel.chat.notification");
    }
}
