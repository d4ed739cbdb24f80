package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.InMemoryStateStore;
import dev.chorusbot.core.MediaFile;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import dev.chorusbot.testkit.InMemoryAdapter;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.Replies;
import dev.chorusbot.testkit.TestBot;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The showcase bot's commands as users on each platform meet them. */
class ShowcaseBotTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final User ANNA = User.of("2", "anna", "Anna");
    private static final User MODERATOR = User.of("3", "mod", "Mod").withRoles(Set.of(Role.MODERATOR));

    // Stands still unless a test moves it: no cooldown runs out mid-test.
    private final ManualScheduler time = new ManualScheduler();
    private final InMemoryStateStore state = new InMemoryStateStore(time, 1000);

    private TestBot start(InMemoryAdapter adapter) {
        return TestBot.start(new ShowcaseTimedCommands().addTo(Bot.builder())
                .scheduler(time)
                .stateStore(state)
                .messages(ShowcaseCommands.MESSAGES)
                .commands(new ShowcaseCommands(new SplittableRandom(42), state)), adapter);
    }

    private List<String> sentAfter(TestBot bot, int count) {
        return bot.adapter().awaitSent(count, WAIT).stream().map(Outbound::text).toList();
    }

    @Test
    void remindsTheChatAndTopicAfterTheDelay() {
        try (TestBot bot = start(TestBot.telegramLike())) {
            Chat topic = TestBot.CHAT.withThread("5");
            bot.in(topic).send("/remind 10s tea").assertReply("ok, I will remind you in 10s");
            bot.adapter().clear();

            time.advance(Duration.ofSeconds(10));

            Outbound reminder = bot.adapter().awaitSent(1, WAIT).get(0);
            assertThat(reminder.text()).isEqualTo("reminder: tea");
            assertThat(reminder.chat()).isEqualTo(topic);
            bot.send("!remind 2m stretch").assertReply("ok, I will remind you in 2m");
            bot.send("!remind 1h stand up").assertReply("ok, I will remind you in 1h");
            bot.send("!remind soon tea")
                    .assertReply("'soon' is not a delay like 30s, 10m or 2h. Usage: !remind <n>s|m|h <text>");
        }
    }

    @Test
    void aReminderSetBeforeARestartIsSentOnceAfterIt() {
        try (TestBot before = start(TestBot.twitchLike())) {
            before.send("!remind 30s stretch").assertReply("ok, I will remind you in 30s");
        }
        time.advance(Duration.ofMinutes(1));

        try (TestBot after = start(TestBot.twitchLike())) {
            time.advance(Duration.ofSeconds(1));

            assertThat(sentAfter(after, 1)).containsExactly("reminder: stretch");
            time.advance(Duration.ofMinutes(5));
            assertThat(after.bot().runDueJobs().toCompletableFuture().join()).isZero();
            assertThat(after.adapter().sent()).hasSize(1);
        }
    }

    @Test
    void theQuizTakesTheAskersNextMessageAsTheAnswer() {
        try (TestBot bot = start(TestBot.telegramLike())) {
            bot.send("/quiz").assertReply("What is 6 times 7?");
            assertThat(bot.adapter().sent().get(0).question()).as("asked with force_reply on Telegram").isTrue();

            bot.as(ANNA).send("42").assertNoReply();
            bot.send("42").assertReply("correct!");
            bot.send("42").assertNoReply();

            bot.send("/quiz");
            bot.send("41").assertReply("no, it is 42");
        }
    }

    @Test
    void theQuizCanBeCancelledAndSaysNothingAfterSixtySeconds() {
        try (TestBot bot = start(TestBot.twitchLike())) {
            bot.send("!quiz").assertReply("What is 6 times 7?");
            bot.send("!cancel").assertReply("quiz cancelled");
            bot.send("42").assertNoReply();

            bot.send("!quiz");
            bot.adapter().clear();
            time.advance(Duration.ofSeconds(60));
            assertThat(bot.adapter().sent()).isEmpty();
            bot.send("42").assertNoReply();
        }
    }

    @Test
    void moderatorsAnnounceEveryPeriodUntilStopped() {
        try (TestBot bot = start(TestBot.twitchLike())) {
            bot.send("!announce every 5m follow the channel")
                    .assertReply("Sorry, !announce is only for moderators.");
            bot.as(MODERATOR).send("!announce every 5m follow the channel").assertReply("announcing every 5m");
            bot.adapter().clear();

            time.advance(Duration.ofMinutes(5));
            assertThat(sentAfter(bot, 1)).containsExactly("follow the channel");
            time.advance(Duration.ofMinutes(5));
            assertThat(sentAfter(bot, 2)).containsExactly("follow the channel", "follow the channel");

            bot.as(MODERATOR).send("!announce stop").assertReply("announcements stopped");
            bot.adapter().clear();
            time.advance(Duration.ofMinutes(15));
            assertThat(bot.bot().runDueJobs().toCompletableFuture().join()).isZero();
            assertThat(bot.adapter().sent()).isEmpty();
            bot.as(MODERATOR).send("!announce every 30s hi").assertReply("announcing every 30s");
        }
    }

    @Test
    void rollsTypedDiceWithARollAgainButtonOnTelegram() {
        try (TestBot bot = start(TestBot.telegramLike())) {
            String text = bot.send("/roll 2d6").assertButtons("Roll again").text();
            assertThat(text).matches("Viktor rolls 2d6: [1-6] \\+ [1-6] = \\d+");
            Button again = bot.adapter().sent().get(0).buttons().get(0).get(0);
            assertThat(again.data()).isEqualTo("roll 2d6");
            bot.as(User.of("2", "anna", "Anna")).press(again).assertReplyContains("Anna rolls 2d6: ");
        }
    }

    @Test
    void answersABadRollWithItsUsage() {
        try (TestBot bot = start(TestBot.twitchLike())) {
            bot.send("!roll banana").assertReply("'banana' is not a dice roll like 2d6. Usage: !roll [dice]");
        }
    }

    @Test
    void buttonsBecomeTextOnTwitch() {
        try (TestBot bot = start(TestBot.twitchLike())) {
            assertThat(bot.send("!roll 1d20").text()).matches("Viktor rolls 1d20: \\d+ \\| Roll again: !roll 1d20");
        }
    }

    @Test
    void rollHasAPerUserCooldown() {
        try (TestBot bot = start(TestBot.twitchLike())) {
            bot.send("!roll");
            bot.send("!roll").assertReply("Please wait 3 s before using !roll again.");
            bot.as(User.of("2", "anna", "Anna")).send("!r 1d4").assertReplyContains("Anna rolls 1d4");
        }
    }

    @Test
    void countsPerChatAndOnlyModeratorsReset() {
        try (TestBot bot = start(TestBot.telegramLike())) {
            bot.send("/count").assertReply("Counter: 1").assertButtons("+1", "Reset");
            bot.press(Button.of("+1", "count")).assertReply("Counter: 2");
            bot.press(Button.of("Reset", "reset")).assertReply("Sorry, !reset is only for moderators.");
            User moderator = User.of("3", "mod", "Mod").withRoles(Set.of(Role.MODERATOR));
            bot.as(moderator).send("/reset").assertReply("Counter reset by Mod.");
            bot.send("/count").assertReply("Counter: 1");
        }
    }

    @Test
    void greetsAndHelpsInTheUsersLanguage() {
        try (TestBot bot = start(TestBot.telegramLike())) {
            bot.send("/hello").assertReply("hello Viktor!");
            bot.as(User.of("4", "hans", "Hans").withLocale(Locale.GERMAN)).send("/hello").assertReply("hallo Hans!");
            bot.as(User.of("5", "olga", "Olga").withLocale(new Locale("ru"))).send("/hello").assertReply("привет, Olga!");
            bot.as(User.of("6", "ana", "Ana").withLocale(new Locale("pt"))).send("/hello").assertReply("hello Ana!");
            assertThat(bot.send("/help").text()).startsWith("Commands:\n");
            assertThat(bot.as(User.of("4", "hans", "Hans").withLocale(Locale.GERMAN)).send("/help").text())
                    .startsWith("Befehle:\n");
            assertThat(bot.as(User.of("5", "olga", "Olga").withLocale(new Locale("ru"))).send("/help").text())
                    .startsWith("Команды:\n");
        }
    }

    @Test
    void answersAGermanUsersBadArgumentInGerman() {
        try (TestBot bot = start(TestBot.twitchLike())) {
            bot.as(User.of("4", "hans", "Hans").withLocale(Locale.GERMAN)).send("!help roll")
                    .assertReply("Aufruf: !roll [dice] — Roll dice, like 2d6. Auch: !r. Einmal pro 3 s");
        }
    }

    @Test
    void sendsAPhotoOnTelegramAndItsCaptionOnTwitch() {
        InMemoryAdapter telegram = TestBot.telegramLike();
        InMemoryAdapter twitch = TestBot.twitchLike();
        ManualScheduler time = new ManualScheduler();
        InMemoryStateStore state = new InMemoryStateStore(time, 1000);
        try (TestBot bot = TestBot.start(Bot.builder().scheduler(time).stateStore(state)
                .commands(new ShowcaseCommands(new SplittableRandom(42), state)), telegram, twitch)) {
            Outbound photo = bot.send("/photo").outbound().get(0);
            assertThat(photo.text()).isEqualTo("a photo from Chorus");
            assertThat(photo.media()).hasValueSatisfying(m -> assertThat(m.source())
                    .isInstanceOfSatisfying(MediaFile.Upload.class, u -> assertThat(u.mimeType()).isEqualTo("image/png")));
            bot.on(twitch).send("!photo").assertReply("a photo from Chorus");
        }
    }

    @Test
    void rollAgainEditsTheRollInPlaceAndAnswersThePress() {
        try (TestBot bot = start(TestBot.telegramLike())) {
            bot.send("/roll 2d6");

            Replies again = bot.as(User.of("2", "anna", "Anna")).press("Roll again");

            again.assertNotice("rolled!");
            assertThat(again.outbound()).singleElement().satisfies(edit -> {
                assertThat(edit.editId()).contains("1");
                assertThat(edit.text()).matches("Anna rolls 2d6: [1-6] \\+ [1-6] = \\d+");
            });
            assertThat(again.outbound().get(0).buttons().get(0).get(0).label()).isEqualTo("Roll again");
        }
    }
}
