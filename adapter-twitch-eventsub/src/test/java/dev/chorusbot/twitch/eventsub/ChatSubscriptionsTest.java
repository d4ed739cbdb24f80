package dev.chorusbot.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatSubscriptionsTest {

    @Test
    void createsOneVerifiedSubscriptionPerChannelAndKeepsThemOnTheNextRun() throws Exception {
        try (EventSubHarness h = new EventSubHarness()) {
            h.helix.addUser("12826", "twitch", "Twitch");
            ChatSubscriptions subscriptions = new ChatSubscriptions(EventSubHarness.config(h.helix)
                    .channels("twitchdev", "#Twitch").build());

            List<EventSubSubscription> created = subscriptions.ensure(h.webhook());

            assertThat(created).extracting(s -> s.condition().get("broadcaster_user_id")).containsExactly("141981764", "12826");
            assertThat(created).allSatisfy(s -> {
                assertThat(s.type()).isEqualTo("channel.chat.message");
                assertThat(s.condition()).containsEntry("user_id", EventSubHarness.BOT_ID);
                assertThat(s.callback()).isEqualTo(h.webhook().toString());
            });
            for (EventSubSubscription s : created) {
                // The fake verified it through the bot's webhook, which echoed the challenge.
                h.helix.awaitSubscriptionStatus(s.id(), "enabled", Duration.ofSeconds(5));
            }
            JsonNode request = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    h.helix.requests(r -> r.method().equals("POST") && r.path().equals("/helix/eventsub/subscriptions"))
                            .get(0).body());
            assertThat(request.path("transport").path("secret").asText()).isEqualTo(EventSubHarness.SECRET);
            assertThat(request.path("version").asText()).isEqualTo("1");

            List<EventSubSubscription> again = subscriptions.ensure(h.webhook());

            assertThat(again).extracting(EventSubSubscription::id).containsExactlyElementsOf(
                    created.stream().map(EventSubSubscription::id).toList());
            assertThat(h.helix.subscriptions()).hasSize(2);
        }
    }

    @Test
    void subscribesFiftyChannelsOnePerChannelAndKeepsThemAll() throws Exception {
        try (EventSubHarness h = new EventSubHarness()) {
            List<String> logins = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String login = String.format("channel%02d", i);
                h.helix.addUser(Integer.toString(500_000 + i), login, login);
                logins.add(login);
            }
            ChatSubscriptions subscriptions = new ChatSubscriptions(EventSubHarness.config(h.helix)
                    .channels(logins.toArray(String[]::new)).build());

            List<EventSubSubscription> created = subscriptions.ensure(h.webhook());

            assertThat(created).hasSize(50).extracting(s -> s.condition().get("broadcaster_user_id"))
                    .doesNotHaveDuplicates().allSatisfy(id -> assertThat(Integer.parseInt(id)).isBetween(500_000, 500_049));
            for (EventSubSubscription s : created) {
                h.helix.awaitSubscriptionStatus(s.id(), "enabled", Duration.ofSeconds(10));
            }
            int posts = h.helix.requests(r -> r.method().equals("POST") && r.path().equals("/helix/eventsub/subscriptions"))
                    .size();

            subscriptions.ensure(h.webhook());

            assertThat(posts).isEqualTo(50);
            assertThat(h.helix.requests(r -> r.method().equals("POST") && r.path().equals("/helix/eventsub/subscriptions")))
                    .as("a second run creates nothing").hasSize(50);
            assertThat(h.helix.subscriptions()).hasSize(50);
        }
    }

    @Test
    void replacesASubscriptionWhoseVerificationFailed() throws Exception {
        try (EventSubHarness h = new EventSubHarness()) {
            ChatSubscriptions subscriptions = new ChatSubscriptions(EventSubHarness.config(h.helix)
                    .channels("twitchdev").build());
            EventSubSubscription first = subscriptions.ensure(h.webhook()).get(0);
            h.helix.awaitSubscriptionStatus(first.id(), "enabled", Duration.ofSeconds(5));
            h.helix.setSubscriptionStatus(first.id(), "webhook_callback_verification_failed");

            EventSubSubscription second = subscriptions.ensure(h.webhook()).get(0);

            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(h.helix.subscriptions()).extracting(s -> s.id()).containsExactly(second.id());
        }
    }

    @Test
    void twitchMarksTheSubscriptionFailedWhenTheWebhookDoesNotKnowItsSecret() throws Exception {
        try (EventSubHarness h = new EventSubHarness()) {
            ChatSubscriptions subscriptions = new ChatSubscriptions(EventSubHarness.config(h.helix)
                    .eventSubSecret("another-secret-than-the-bot-has").channels("twitchdev").build());

            EventSubSubscription created = subscriptions.ensure(h.webhook()).get(0);

            h.helix.awaitSubscriptionStatus(created.id(), "webhook_callback_verification_failed",
                    Duration.ofSeconds(5));
        }
    }

    @Test
    void listsEveryPageAndRemovesTheConfiguredChannelsSubscriptions() throws Exception {
        try (EventSubHarness h = new EventSubHarness()) {
            h.helix.addUser("12826", "twitch", "Twitch");
            ChatSubscriptions subscriptions = new ChatSubscriptions(EventSubHarness.config(h.helix)
                    .channels("twitchdev", "twitch").build());
            subscriptions.ensure(h.webhook());
            h.helix.subscriptionPageSize(1);

            assertThat(subscriptions.list()).hasSize(2);

            assertThat(subscriptions.removeAll()).hasSize(2);
            assertThat(h.helix.subscriptions()).isEmpty();
        }
    }

    @Test
    void ensuresTheSubscriptionsAtStartWhenACallbackIsConfigured() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (FakeHelixApi helix = FakeHelixApi.start()) {
            helix.addUser("141981764", "twitchdev", "TwitchDev");
            URI callback = URI.create("http://127.0.0.1:" + port + "/twitch");
            Bot bot = Bot.builder().command(EventSubHarness.hello())
                    .adapter(new TwitchEventSubAdapter(EventSubHarness.config(helix).channels("twitchdev")
                            .callback(callback).build()))
                    .webhookServer(WebhookServer.builder()
                            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).build())
                    .build();
            bot.start();
            try {
                String id = awaitOneSubscription(helix);

                helix.awaitSubscriptionStatus(id, "enabled", Duration.ofSeconds(5));
                assertThat(helix.subscriptions().get(0).callback())
                        .isEqualTo(callback.toString());
            } finally {
                bot.stop();
            }
        }
    }

    private static String awaitOneSubscription(FakeHelixApi helix) {
        assertThat(helix.awaitSubscriptions(1)).hasSize(1);
        return helix.subscriptions().get(0).id();
    }

    @Test
    void namesAChannelTwitchDoesNotKnow() {
        try (EventSubHarness h = new EventSubHarness()) {
            ChatSubscriptions subscriptions = new ChatSubscriptions(EventSubHarness.config(h.helix)
                    .channels("twitchdev", "nobody_here").build());

            assertThatThrownBy(() -> subscriptions.ensure(h.webhook())).isInstanceOf(ConfigurationException.class)
                    .hasMessage("TWITCH_CHANNELS entry 'nobody_here' is not a Twitch user.");
        }
    }

    @Test
    void cliSubscribesListsAndUnsubscribes() throws Exception {
        try (EventSubHarness h = new EventSubHarness()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "TWITCH_CLIENT_ID", h.helix.clientId(), "TWITCH_CLIENT_SECRET", h.helix.clientSecret(),
                    "TWITCH_EVENTSUB_SECRET", EventSubHarness.SECRET, "TWITCH_BOT_USER_ID", EventSubHarness.BOT_ID,
                    "TWITCH_API_URL", h.helix.baseUrl().toString(), "TWITCH_AUTH_URL", h.helix.baseUrl().toString(),
                    "TWITCH_CHANNELS", "twitchdev"));

            Run subscribe = cli(env, "subscribe", h.webhook().toString());
            assertThat(subscribe.status).isZero();
            String id = h.helix.subscriptions().get(0).id();
            // The CLI waited for Twitch's verification, which the running bot answered.
            assertThat(subscribe.out).isEqualTo(id + "  enabled  broadcaster 141981764  -> " + h.webhook()
                    + System.lineSeparator());

            Run list = cli(env, "list");
            assertThat(list.out).contains(id + "  enabled  broadcaster 141981764", "1 channel.chat.message subscription(s)");

            Run unsubscribe = cli(env, "unsubscribe", id);
            assertThat(unsubscribe.status).isZero();
            assertThat(unsubscribe.out).isEqualTo("deleted " + id + System.lineSeparator());
            assertThat(h.helix.subscriptions()).isEmpty();
        }
    }

    @Test
    void cliSaysWhenTwitchCouldNotVerifyTheCallback() {
        try (EventSubHarness h = new EventSubHarness()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "TWITCH_CLIENT_ID", h.helix.clientId(), "TWITCH_CLIENT_SECRET", h.helix.clientSecret(),
                    "TWITCH_EVENTSUB_SECRET", "not-the-secret-the-bot-checks", "TWITCH_BOT_USER_ID", EventSubHarness.BOT_ID,
                    "TWITCH_API_URL", h.helix.baseUrl().toString(), "TWITCH_AUTH_URL", h.helix.baseUrl().toString(),
                    "TWITCH_CHANNELS", "twitchdev"));

            Run subscribe = cli(env, "subscribe", h.webhook().toString());

            assertThat(subscribe.status).isEqualTo(1);
            assertThat(subscribe.out).contains("webhook_callback_verification_failed  broadcaster 141981764");
            assertThat(subscribe.err).contains("Twitch has not verified every subscription: the bot must be running at "
                    + h.webhook() + " with the same TWITCH_EVENTSUB_SECRET to answer Twitch's challenge.");
        }
    }

    @Test
    void cliExplainsUsageAndConfigurationProblems() {
        Run none = cli(Map.of());
        assertThat(none.status).isEqualTo(2);
        assertThat(none.err).contains("usage: TwitchEventSubCli subscribe [callback-url] | list | unsubscribe [id ...]");

        Run badConfig = cli(Map.of(), "list");
        assertThat(badConfig.status).isEqualTo(2);
        assertThat(badConfig.err).contains("TWITCH_CLIENT_ID is not set", "TWITCH_BOT_USER_ID is not set");
    }

    @Test
    void cliReportsTwitchsRefusalOfAnUnknownSubscription() {
        try (EventSubHarness h = new EventSubHarness()) {
            Map<String, String> env = Map.of(
                    "TWITCH_CLIENT_ID", h.helix.clientId(), "TWITCH_CLIENT_SECRET", h.helix.clientSecret(),
                    "TWITCH_EVENTSUB_SECRET", EventSubHarness.SECRET, "TWITCH_BOT_USER_ID", EventSubHarness.BOT_ID,
                    "TWITCH_API_URL", h.helix.baseUrl().toString(), "TWITCH_AUTH_URL", h.helix.baseUrl().toString());

            Run run = cli(env, "unsubscribe", "no-such-id");

            assertThat(run.status).isEqualTo(1);
            assertThat(run.err).contains("Twitch answered 404 Not Found: subscription not found");
        }
    }

    @Test
    void cliDoesNotBlameTheBroadcasterWhenTheClientSecretIsWrong() {
        try (EventSubHarness h = new EventSubHarness()) {
            Map<String, String> env = Map.of(
                    "TWITCH_CLIENT_ID", h.helix.clientId(), "TWITCH_CLIENT_SECRET", "not-the-secret",
                    "TWITCH_EVENTSUB_SECRET", EventSubHarness.SECRET, "TWITCH_BOT_USER_ID", EventSubHarness.BOT_ID,
                    "TWITCH_API_URL", h.helix.baseUrl().toString(), "TWITCH_AUTH_URL", h.helix.baseUrl().toString());

            Run run = cli(env, "list");

            assertThat(run.status).isEqualTo(1);
            assertThat(run.err).isEqualTo("Twitch answered 403: could not get an app access token with TWITCH_CLIENT_ID"
                    + " and TWITCH_CLIENT_SECRET: invalid client secret" + System.lineSeparator());
        }
    }

    private record Run(int status, String out, String err) {}

    private static Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TwitchEventSubCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
