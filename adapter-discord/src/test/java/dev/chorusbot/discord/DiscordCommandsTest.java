package dev.chorusbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorusbot.core.Argument;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.InteractionSender;
import dev.chorusbot.testkit.discord.RegisteredCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscordCommandsTest {
    private final FakeDiscordApi discord = FakeDiscordApi.start();

    @AfterEach
    void close() {
        discord.close();
    }

    private static Command hello() {
        return Command.named("hello").description("Say hello").description(Locale.GERMAN, "Sag hallo")
                .description(Locale.forLanguageTag("pt-BR"), "Diga olá").description(Locale.forLanguageTag("eo"), "Saluton")
                .handler(ctx -> Reply.text("hi")).build();
    }

    private static Command roll() {
        return Command.named("roll").description("Roll dice")
                .argument(Argument.enumeration("die", InteractionsHarness.Die.class))
                .argument(Argument.integer("times").optional(1))
                .argument(Argument.longInteger("seed").optional(0L))
                .argument(Argument.bool("loud").optional(false))
                .argument(Argument.rest("label").optional(""))
                .handler(ctx -> Reply.text("rolled")).build();
    }

    private DiscordConfig.Builder config() {
        return DiscordConfig.builder().token(discord.token()).applicationId(discord.applicationId())
                .apiUrl(discord.apiUrl());
    }

    @Test
    void writesCommandsAsChatInputCommandsWithTypedOptions() {
        assertThat(DiscordCommands.json(List.of(hello(), roll()))).isEqualTo("["
                + "{\"name\":\"hello\",\"type\":1,\"description\":\"Say hello\",\"description_localizations\":"
                + "{\"de\":\"Sag hallo\",\"pt-BR\":\"Diga olá\"}},"
                + "{\"name\":\"roll\",\"type\":1,\"description\":\"Roll dice\",\"options\":["
                + "{\"type\":3,\"name\":\"die\",\"description\":\"<d6|d20>\",\"required\":true,\"choices\":["
                + "{\"name\":\"d6\",\"value\":\"D6\"},{\"name\":\"d20\",\"value\":\"D20\"}]},"
                + "{\"type\":4,\"name\":\"times\",\"description\":\"[times]\",\"required\":false,"
                + "\"min_value\":-2147483648,\"max_value\":2147483647},"
                + "{\"type\":4,\"name\":\"seed\",\"description\":\"[seed]\",\"required\":false},"
                + "{\"type\":5,\"name\":\"loud\",\"description\":\"[loud]\",\"required\":false},"
                + "{\"type\":3,\"name\":\"label\",\"description\":\"[label...]\",\"required\":false}]}]");
    }

    @Test
    void refusesWhatDiscordWouldRefuseAllAtOnceBeforeSending() {
        Command dotted = Command.named("say.it").handler(ctx -> Reply.none()).build();
        Command spaced = Command.named("spaced").argument(Argument.string("two words"))
                .handler(ctx -> Reply.none()).build();

        assertThatThrownBy(() -> DiscordCommands.body(List.of(dotted, spaced)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Discord would refuse these commands: command 'say.it': a slash command's name is 1 to 32"
                        + " letters, digits, -, _ or '; command 'spaced': option 'two words' is not 1 to 32 letters,"
                        + " digits, -, _ or '");
    }

    @Test
    void takesTheNamesDiscordTakes() {
        Command hindi = Command.named("namaste").argument(Argument.string("\u0928\u093e\u092e"))
                .argument(Argument.string("don't")).handler(ctx -> Reply.none()).build();

        assertThat(DiscordCommands.body(List.of(hindi)).get(0).path("options"))
                .extracting(o -> o.path("name").asText()).containsExactly("\u0928\u093e\u092e", "don't");
    }

    /** 25 choices of 51 characters: 2,550 characters of names and values per option. */
    enum Wordy {
        CHOICE_NUMBER_00_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_01_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_02_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_03_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_04_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_05_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_06_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_07_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_08_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_09_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_10_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_11_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_12_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_13_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_14_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_15_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_16_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_17_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_18_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_19_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_20_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_21_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_22_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_23_WITH_A_RATHER_LONG_NAME_FOR_A_MENU,
        CHOICE_NUMBER_24_WITH_A_RATHER_LONG_NAME_FOR_A_MENU
    }

    @Test
    void refusesACommandOverDiscordsEightThousandCharacters() {
        Command.Builder wordy = Command.named("wordy").handler(ctx -> Reply.none());
        for (int i = 1; i <= 4; i++) {
            wordy.argument(Argument.enumeration("choice" + i, Wordy.class));
        }
        Command command = wordy.build();

        assertThatThrownBy(() -> DiscordCommands.body(List.of(command)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Discord would refuse these commands: command 'wordy' has 10638 characters in its"
                        + " names, descriptions and values, Discord takes 8000");
    }

    @Test
    void countsTheLongestTranslationOfAField() throws Exception {
        JsonNode command = new ObjectMapper().readTree("{\"name\":\"hi\",\"description\":\"Hello\","
                + "\"description_localizations\":{\"de\":\"Hallo du\",\"fr\":\"Salut\"},"
                + "\"options\":[{\"name\":\"who\",\"description\":\"\u00e0 qui \ud83d\udc4b\",\"choices\":"
                + "[{\"name\":\"me\",\"value\":\"ME\"}]}]}");

        // hi (2) + Hallo du (8) + who (3) + "à qui 👋" (7 code points) + me (2) + ME (2)
        assertThat(DiscordCommands.characters(command)).isEqualTo(24);
    }

    @Test
    void cutsALongDescriptionAndNamesACommandWithoutOne() {
        assertThat(DiscordCommands.description("x".repeat(150), "n")).hasSize(100).endsWith("…");
        assertThat(DiscordCommands.description("", "ping")).isEqualTo("ping");
    }

    @Test
    void registersGloballyByOneBulkOverwriteThatRepeatsIdempotently() throws Exception {
        DiscordCommands registration = new DiscordCommands(config().build());

        List<JsonNode> first = registration.register(List.of(hello(), roll()));
        List<JsonNode> second = registration.register(List.of(hello(), roll()));

        assertThat(first).extracting(c -> c.path("name").asText()).containsExactly("hello", "roll");
        assertThat(second).extracting(c -> c.path("id").asText())
                .containsExactlyElementsOf(first.stream().map(c -> c.path("id").asText()).toList());
        assertThat(discord.commands()).extracting(RegisteredCommand::name).containsExactly("hello", "roll");
        assertThat(discord.calls()).extracting(c -> c.method() + " " + c.path()).containsExactly(
                "PUT /applications/" + discord.applicationId() + "/commands",
                "PUT /applications/" + discord.applicationId() + "/commands");
        assertThat(discord.calls()).allSatisfy(c -> assertThat(c.authorized()).isTrue());

        registration.register(List.of(hello()));
        assertThat(discord.commands()).extracting(RegisteredCommand::name).containsExactly("hello");
    }

    @Test
    void registersInOneGuildWhenConfigured() throws Exception {
        new DiscordCommands(config().commandGuild("300000000000000001").build()).register(List.of(hello()));

        assertThat(discord.guildCommands("300000000000000001")).extracting(RegisteredCommand::name)
                .containsExactly("hello");
        assertThat(discord.commands()).isEmpty();
    }

    @Test
    void reportsDiscordsRefusalAsATypedException() {
        discord.errorNext(403, 20012, "You are not authorized to perform this action on this application");

        assertThatThrownBy(() -> new DiscordCommands(config().build()).register(List.of(hello())))
                .isInstanceOfSatisfying(DiscordApiException.class, e -> assertThat(e.errorCode()).isEqualTo(20012));
    }

    @Test
    void needsTheApplicationId() {
        assertThatThrownBy(() -> new DiscordCommands(DiscordConfig.builder().token(discord.token()).build()))
                .hasMessageContaining("DISCORD_APPLICATION_ID");
    }

    @Test
    void theAdapterRegistersTheBotsCommandsInTheBackgroundWhenAsked() {
        InteractionSender sender = InteractionSender.create();
        Bot bot = InteractionsHarness.commands(Bot.builder(), new CountDownLatch(0))
                .adapter(new DiscordInteractionsAdapter(InteractionsHarness.config(discord, sender)
                        .registerCommands(true).build()))
                .build();
        bot.hostWebhooks();
        bot.start();
        try {
            discord.awaitCalls(1, Duration.ofSeconds(30));
            dev.chorusbot.testkit.internal.Await.until("the registration", Duration.ofSeconds(30),
                    discord::commands, l -> !l.isEmpty(), l -> l.toString());
            assertThat(discord.commands()).extracting(RegisteredCommand::name).contains("hello", "roll", "help");
        } finally {
            bot.stop();
        }
    }

    @Test
    void theCliRegistersTheCommandsOfTheBotItsFactoryBuilds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("DISCORD_BOT_TOKEN", discord.token(), "DISCORD_APPLICATION_ID",
                discord.applicationId(), "DISCORD_API_URL", discord.apiUrl().toString());

        int status = DiscordCommandsCli.run(new String[] {"register", CliBotFactory.class.getName()}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("/hello  Say hello").contains("/help")
                .contains("command(s) registered");
        assertThat(discord.commands()).extracting(RegisteredCommand::name).contains("hello", "help");
    }

    @Test
    void theCliSaysWhatIsWrongWithItsUsageAndConfiguration() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(DiscordCommandsCli.run(new String[] {"register"}, Map.of(), out, errors)).isEqualTo(2);
        assertThat(DiscordCommandsCli.run(new String[] {"register", "no.such.Factory"}, Map.of(), out, errors))
                .isEqualTo(2);
        assertThat(DiscordCommandsCli.run(new String[] {"list"}, Map.of("DISCORD_BOT_TOKEN", discord.token()), out,
                errors)).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: DiscordCommandsCli register")
                .contains("no class no.such.Factory on the class path").contains("DISCORD_APPLICATION_ID");
    }
}
