package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUpdate;
import dev.chorusbot.testkit.telegram.FakeUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Roles, looked up lazily; here through a bot hosted without any server, as a function host does. */
class RolesTest {
    FakeTelegramServer telegram;
    ManualScheduler clock = new ManualScheduler();
    Bot bot;
    FakeUser owner;
    FakeUser admin;
    FakeUser member;
    FakeChat group = FakeChat.supergroup(-1003000000001L, "Club");

    @BeforeEach
    void start() {
        telegram = FakeTelegramServer.start();
        owner = telegram.user("Olga", null, "olga");
        admin = telegram.user("Adam", null, "adam");
        member = telegram.user("Mia", null, "mia");
        telegram.administrators(group, owner, admin);
        Command kick = Command.named("kick").requiredRole(Role.MODERATOR)
                .handler(ctx -> Reply.text("kicked by " + ctx.sender().displayName())).build();
        Command shutdown = Command.named("shutdown").requiredRole(Role.OWNER)
                .handler(ctx -> Reply.text("bye")).build();
        bot = Bot.builder().command(kick).command(shutdown)
                .adapter(new TelegramAdapter(TelegramConfig.builder().token(telegram.token()).apiUrl(telegram.apiUrl())
                        .username("chorus_test_bot").adminCacheTtl(Duration.ofMinutes(5)).build()))
                .scheduler(clock).build();
        bot.hostWebhooks();
        bot.start();
    }

    @AfterEach
    void stop() {
        bot.stop();
        telegram.close();
    }

    /** Posts like a serverless entry point does: no port, straight into the routes. */
    String say(FakeChat chat, FakeUser from, String text) {
        byte[] body = telegram.message(chat, from, text).toString().getBytes(StandardCharsets.UTF_8);
        WebhookResponse response = bot.webhookRoutes().handle(WebhookRequest.post("/telegram", Map.of(), body));
        assertThat(response.status()).isEqualTo(200);
        return response.bodyText();
    }

    @Test
    void letsAdministratorsRunModeratorCommandsAndRefusesMembers() {
        assertThat(say(group, admin, "/kick")).contains("\"text\":\"kicked by Adam\"");
        assertThat(say(group, member, "/kick")).contains("moderator").doesNotContain("kicked by");
    }

    @Test
    void letsAnAnonymousAdministratorRunModeratorCommandsAsTheGroup() {
        // Bot API, Message.sender_chat: "the supergroup itself for messages sent by its anonymous
        // administrators"; from then holds a fake user kept for backward compatibility.
        FakeUser groupAnonymousBot = new FakeUser(1087968824L, "Group", java.util.Optional.empty(),
                java.util.Optional.of("GroupAnonymousBot"), true);
        FakeUpdate update = telegram.newMessage(group, admin).text("/kick").from(groupAnonymousBot)
                .senderChat(group).build();
        byte[] body = update.json().getBytes(StandardCharsets.UTF_8);

        WebhookResponse response = bot.webhookRoutes().handle(WebhookRequest.post("/telegram", Map.of(), body));

        assertThat(response.bodyText()).contains("\"text\":\"kicked by Club\"");
    }

    @Test
    void makesTheCreatorTheOwner() {
        assertThat(say(group, owner, "/shutdown")).contains("\"text\":\"bye\"");
        assertThat(say(group, admin, "/shutdown")).doesNotContain("\"text\":\"bye\"");
    }

    @Test
    void makesTheUserOwnerOfTheirPrivateChatWithoutAskingTelegram() {
        assertThat(say(FakeChat.privateWith(member), member, "/shutdown")).contains("\"text\":\"bye\"");
        assertThat(telegram.calls("getChatAdministrators")).isEmpty();
    }

    @Test
    void asksForAdministratorsOnlyWhenNeededAndCachesThemForTheTtl() {
        say(group, member, "/help");
        assertThat(telegram.calls("getChatAdministrators")).isEmpty();

        say(group, admin, "/kick");
        say(group, member, "/kick");
        assertThat(telegram.calls("getChatAdministrators")).hasSize(1);

        clock.advance(Duration.ofMinutes(5));
        say(group, admin, "/kick");
        assertThat(telegram.calls("getChatAdministrators")).hasSize(2);
    }

    @Test
    void forgetsTheAdministratorsOfGroupsWhoseEntriesExpired() {
        dev.chorusbot.telegram.internal.RoleCache cache = new dev.chorusbot.telegram.internal.RoleCache(
                new TelegramBotApi(telegram.apiUrl(), telegram.token(), Duration.ofSeconds(5)), clock,
                Duration.ofMinutes(5), Duration.ofSeconds(5));
        dev.chorusbot.core.User mia = dev.chorusbot.core.User.of(Long.toString(member.id()), "mia", "Mia");
        for (int i = 0; i < 80; i++) {
            FakeChat club = FakeChat.supergroup(-1003000001000L - i, "Club " + i);
            telegram.administrators(club, owner);
            cache.rolesOf(mia, dev.chorusbot.core.Chat.of(Long.toString(club.id()), dev.chorusbot.core.Chat.Kind.GROUP,
                    club.title()));
            clock.advance(Duration.ofMinutes(1)); // each group asked about once, then never again
        }

        assertThat(cache.cachedChats()).isLessThan(64); // not one entry per group ever asked about
    }
}
