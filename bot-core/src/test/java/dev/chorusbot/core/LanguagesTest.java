package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguagesTest {
    private static final User HANS = User.of("7", "hans", "Hans").withLocale(Locale.GERMAN);
    private static final User OLGA = User.of("8", "olga", "Olga").withLocale(new Locale("ru"));
    private static final User PIERRE = User.of("9", "pierre", "Pierre").withLocale(Locale.FRENCH);

    private static Bot bot(Bot.Builder builder) {
        return builder
                .messages("dev.chorusbot.core.test.messages")
                .command(Command.named("hello")
                        .description("Say hello")
                        .description(Locale.GERMAN, "Sagt hallo")
                        .handler(ctx -> Reply.text(ctx.text("greeting", ctx.sender().displayName())))
                        .build())
                .command(Command.named("roll").argument(Argument.integer("sides")).handler(ctx -> Reply.none()).build())
                .command(Command.named("ban").requiredRole(Role.MODERATOR).handler(ctx -> Reply.text("banned")).build())
                .build();
    }

    private static List<String> answer(Bot bot, User user, String text) {
        return bot.handle(Fixtures.message(user, Fixtures.GROUP, text)).texts();
    }

    @Test
    void greetsEachUserInTheirLanguageAndOthersInEnglish() {
        Bot bot = bot(Bot.builder());

        assertThat(answer(bot, HANS, "!hello")).containsExactly("hallo Hans!");
        assertThat(answer(bot, OLGA, "!hello")).containsExactly("привет, Olga!");
        assertThat(answer(bot, PIERRE, "!hello")).containsExactly("hello Pierre!");
        assertThat(answer(bot, Fixtures.VIKTOR, "!hello")).containsExactly("hello Viktor!");
    }

    @Test
    void helpSpeaksGermanToAGermanUser() {
        Bot bot = bot(Bot.builder());

        assertThat(answer(bot, HANS, "!help")).containsExactly("""
                Befehle:
                !ban (nur für Moderatoren)
                !hello — Sagt hallo
                !help — Listet die Befehle auf oder zeigt, wie man einen benutzt
                !roll""");
        assertThat(answer(bot, OLGA, "!help").get(0)).startsWith("Команды:\n");
        assertThat(answer(bot, PIERRE, "!help").get(0)).startsWith("Commands:\n!ban (moderators only)\n!hello — Say hello");
    }

    @Test
    void argumentErrorsSpeakTheInvocationsLanguage() {
        Bot bot = bot(Bot.builder());

        assertThat(answer(bot, HANS, "!roll six")).containsExactly("'six' ist keine ganze Zahl für <sides>. Aufruf: !roll <sides>");
        assertThat(answer(bot, HANS, "!roll")).containsExactly("<sides> fehlt. Aufruf: !roll <sides>");
        assertThat(answer(bot, HANS, "!roll 1 2")).containsExactly("Zu viele Argumente. Aufruf: !roll <sides>");
        assertThat(answer(bot, Fixtures.VIKTOR, "!roll six"))
                .containsExactly("'six' is not a whole number for <sides>. Usage: !roll <sides>");
    }

    @Test
    void refusalsSpeakTheInvocationsLanguage() {
        Bot bot = bot(Bot.builder());

        assertThat(answer(bot, HANS, "!ban")).containsExactly("Entschuldigung, !ban ist nur für Moderatoren.");
        assertThat(answer(bot, Fixtures.VIKTOR, "!ban")).containsExactly("Sorry, !ban is only for moderators.");
    }

    @Test
    void usersWithoutALanguageGetTheBotsDefault() {
        Bot bot = bot(Bot.builder().defaultLocale(Locale.GERMAN));

        assertThat(answer(bot, Fixtures.VIKTOR, "!hello")).containsExactly("hallo Viktor!");
        assertThat(answer(bot, PIERRE, "!roll x")).containsExactly("'x' ist keine ganze Zahl für <sides>. Aufruf: !roll <sides>");
        assertThat(answer(bot, User.of("5", "jo", "Jo").withLocale(Locale.ENGLISH), "!hello")).containsExactly("hello Jo!");
    }

    @Test
    void aChatsChosenLanguageServesUsersWithoutOne() {
        Bot bot = Bot.builder()
                .messages("dev.chorusbot.core.test.messages")
                .command(Command.named("sprache").handler(ctx -> {
                    ctx.setChatLocale(Locale.GERMAN);
                    return Reply.text(ctx.text("greeting", "Chat"));
                }).build())
                .build();

        assertThat(answer(bot, Fixtures.VIKTOR, "!sprache")).containsExactly("hallo Chat!");
        assertThat(answer(bot, Fixtures.ANNA, "!help").get(0)).startsWith("Befehle:");
        assertThat(answer(bot, OLGA, "!help").get(0)).startsWith("Команды:");
    }

    @Test
    void textsGivenForALanguageWinOverTheShippedOnes() {
        Bot bot = bot(Bot.builder().texts(Locale.GERMAN, BotTexts.ENGLISH.withNotAllowed("Nein.")));

        assertThat(answer(bot, HANS, "!ban")).containsExactly("Nein.");
        assertThat(answer(bot, OLGA, "!ban")).containsExactly("Извините, !ban только для: модераторы.");
    }

    @Test
    void aMissingBundleIsABuildProblem() {
        assertThatThrownBy(() -> Bot.builder().messages("com.example.nowhere").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("message bundle 'com.example.nowhere' is not on the class path");
    }

    @Test
    void aMissingKeyNamesTheKeyAndTheBundle() {
        Bot bot = Bot.builder()
                .messages("dev.chorusbot.core.test.messages")
                .command(Command.named("oops").handler(ctx -> Reply.text(ctx.text("nothing.here"))).build())
                .texts(BotTexts.ENGLISH.withApology("failed"))
                .build();

        assertThat(answer(bot, Fixtures.VIKTOR, "!oops")).containsExactly("failed");
        TextCatalog catalog = TextCatalog.builtIn();
        assertThatThrownBy(() -> catalog.text(Locale.ENGLISH, "nothing.here"))
                .hasMessageContaining("no text 'nothing.here'");
    }

    @Test
    void handlersCanAskForTheSendersPlatformRolesOnce() {
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), null);
        adapter.lookedUpRoles = Set.of(Role.MODERATOR);
        Bot bot = Bot.builder()
                .adapter(adapter)
                .command(Command.named("whoami")
                        .handler(ctx -> Reply.text(ctx.hasRole(Role.MODERATOR) + " " + ctx.roles().contains(Role.EVERYONE)
                                + " " + ctx.sender().highestRole()))
                        .build())
                .build();

        assertThat(answer(bot, Fixtures.VIKTOR, "!whoami")).containsExactly("true true EVERYONE");
        assertThat(adapter.roleLookups).isEqualTo(1);
    }

    @Test
    void cooldownsCanBeSharedByAChatOrByEveryone() {
        Fixtures.ManualTime time = new Fixtures.ManualTime();
        Bot bot = Bot.builder()
                .scheduler(time)
                .command(Command.named("mine").cooldown(java.time.Duration.ofSeconds(30)).handler(ctx -> Reply.text("ok")).build())
                .command(Command.named("ours").cooldown(java.time.Duration.ofSeconds(30), Command.CooldownScope.CHAT)
                        .handler(ctx -> Reply.text("ok")).build())
                .command(Command.named("all").cooldown(java.time.Duration.ofSeconds(30), Command.CooldownScope.BOT)
                        .handler(ctx -> Reply.text("ok")).build())
                .build();
        Chat other = Chat.of("group-2", Chat.Kind.GROUP, "Other");

        assertThat(answer(bot, Fixtures.VIKTOR, "!mine")).containsExactly("ok");
        assertThat(answer(bot, Fixtures.ANNA, "!mine")).containsExactly("ok");
        assertThat(answer(bot, Fixtures.VIKTOR, "!ours")).containsExactly("ok");
        assertThat(answer(bot, Fixtures.ANNA, "!ours")).containsExactly("Please wait 30 s before using !ours again.");
        assertThat(bot.handle(Fixtures.message(Fixtures.ANNA, other, "!ours")).texts()).containsExactly("ok");
        assertThat(answer(bot, Fixtures.VIKTOR, "!all")).containsExactly("ok");
        assertThat(bot.handle(Fixtures.message(Fixtures.ANNA, other, "!all")).texts())
                .containsExactly("Please wait 30 s before using !all again.");
        assertThat(answer(bot, HANS, "!help ours")).containsExactly("Aufruf: !ours. Einmal pro 30 s in jedem Chat");
        time.advance(java.time.Duration.ofSeconds(30));
        assertThat(answer(bot, Fixtures.ANNA, "!all")).containsExactly("ok");
    }

    @Test
    void helpOnASingleLinePlatformFitsOneMessage() {
        Capabilities twitchLike = new Capabilities(false, 120, Capabilities.LengthUnit.CODE_POINTS, Set.of(), false, false);
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(Fixtures.TEST, twitchLike, null);
        Bot.Builder builder = Bot.builder().adapter(adapter);
        for (String name : List.of("alpha", "beta", "gamma", "delta")) {
            builder.command(Command.named(name).description("does the " + name + " thing, at some length")
                    .handler(ctx -> Reply.none()).build());
        }
        Bot bot = builder.build();

        assertThat(answer(bot, Fixtures.VIKTOR, "!help")).containsExactly(
                "Commands: !alpha, !beta, !delta, !gamma, !help. Send !help <command> for more.");
    }
}
