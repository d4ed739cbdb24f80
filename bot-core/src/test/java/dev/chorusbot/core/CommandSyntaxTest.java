package dev.chorusbot.core;

import static dev.chorusbot.core.Fixtures.answer;
import static dev.chorusbot.core.Fixtures.hello;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandSyntaxTest {
    private final Bot bot = Bot.builder().command(hello()).build();

    @Test
    void answersBothDefaultPrefixes() {
        assertThat(answer(bot, "!hello")).containsExactly("hello Viktor!");
        assertThat(answer(bot, "/hello")).containsExactly("hello Viktor!");
    }

    @Test
    void matchesNamesInAnyCase() {
        assertThat(answer(bot, "!HeLLo")).containsExactly("hello Viktor!");
    }

    @Test
    void leavesPlainTextAndUnknownCommandsUnanswered() {
        assertThat(answer(bot, "hello")).isEmpty();
        assertThat(answer(bot, "!nosuchcommand")).isEmpty();
        assertThat(answer(bot, "!")).isEmpty();
        assertThat(answer(bot, "! hello")).isEmpty();
    }

    @Test
    void usesTheBotsOwnPrefixes() {
        Bot custom = Bot.builder().command(hello()).prefixes("?", "bot,").build();
        assertThat(answer(custom, "?hello")).containsExactly("hello Viktor!");
        assertThat(answer(custom, "bot,hello")).containsExactly("hello Viktor!");
        assertThat(answer(custom, "!hello")).isEmpty();
    }

    @Test
    void platformPrefixesOverrideTheBotsPrefixes() {
        Bot custom = Bot.builder().command(hello()).prefixes(Fixtures.TEST, "~").build();
        assertThat(answer(custom, "~hello")).containsExactly("hello Viktor!");
        assertThat(answer(custom, "!hello")).isEmpty();
        Message elsewhere = new Message(Platform.of("other"), "1", Fixtures.GROUP, Fixtures.VIKTOR, "!hello",
                java.time.Instant.EPOCH, java.util.Optional.empty(), null);
        assertThat(custom.handle(elsewhere).texts()).containsExactly("hello Viktor!");
    }

    @Test
    void prefersTheLongestMatchingPrefix() {
        List<String> seen = new ArrayList<>();
        Bot custom = Bot.builder()
                .command(Command.named("x").handler(ctx -> {
                    seen.add(ctx.prefix());
                    return Reply.none();
                }).build())
                .command(Command.named("ix").handler(ctx -> Reply.text("ix")).build())
                .prefixes("!", "!!")
                .build();
        answer(custom, "!!x");
        assertThat(seen).containsExactly("!!");
    }

    @Test
    void answersCommandsAddressedToItselfOnAddressingPlatforms() {
        Bot addressed = addressingBot();
        assertThat(addressed.handle(onAddressing("/hello@Chorus_Bot")).texts()).containsExactly("hello Viktor!");
    }

    @Test
    void ignoresCommandsAddressedToAnotherBot() {
        Bot addressed = addressingBot();
        assertThat(addressed.handle(onAddressing("/hello@OtherBot")).texts()).isEmpty();
    }

    @Test
    void doesNotTreatAtAsAddressingWhereThePlatformHasNone() {
        assertThat(answer(bot, "!hello@someone")).isEmpty();
    }

    @Test
    void quotedWordsAreOneArgument() {
        Bot echo = Bot.builder()
                .command(Command.named("pair")
                        .argument(Argument.string("first"))
                        .argument(Argument.string("second"))
                        .handler(ctx -> Reply.text(ctx.args().string("first") + "|" + ctx.args().string("second")))
                        .build())
                .build();
        assertThat(answer(echo, "!pair \"two words\" three")).containsExactly("two words|three");
        assertThat(answer(echo, "!pair \"say \\\"hi\\\"\" x")).containsExactly("say \"hi\"|x");
        assertThat(answer(echo, "!pair \"a dir\\\\\" C:\\x")).containsExactly("a dir\\|C:\\x");
        assertThat(answer(echo, "!pair \"C:\\new \\\\ old\" y")).containsExactly("C:\\new \\ old|y");
    }

    @Test
    void plainTextGoesToTextHandlersOnly() {
        List<String> heard = new ArrayList<>();
        Bot listening = Bot.builder()
                .command(hello())
                .onText(message -> {
                    heard.add(message.text());
                    return message.text().contains("ping") ? Reply.text("pong") : Reply.none();
                })
                .build();
        assertThat(answer(listening, "ping?")).containsExactly("pong");
        assertThat(answer(listening, "just chatting")).isEmpty();
        assertThat(answer(listening, "!hello")).containsExactly("hello Viktor!");
        assertThat(heard).containsExactly("ping?", "just chatting");
    }

    @Test
    void aliasesInvokeTheCommand() {
        Bot aliased = Bot.builder()
                .command(Command.named("hello").aliases("hi", "HEY")
                        .handler(ctx -> Reply.text("called as " + ctx.invokedName())).build())
                .build();
        assertThat(answer(aliased, "!hey")).containsExactly("called as hey");
        assertThat(answer(aliased, "!Hi")).containsExactly("called as hi");
    }

    @Test
    void platformEventsReachTheirHandlers() {
        List<String> types = new ArrayList<>();
        Bot events = Bot.builder()
                .onEvent("USERNOTICE", event -> Reply.text("welcome!"))
                .onEvent("*", event -> {
                    types.add(event.type());
                    return Reply.none();
                })
                .build();
        PlatformEvent raid = new PlatformEvent(Fixtures.TEST, "USERNOTICE", "e1",
                java.util.Optional.of(Fixtures.GROUP), java.util.Optional.empty(), "raw");
        PlatformEvent roomState = new PlatformEvent(Fixtures.TEST, "ROOMSTATE", "e2",
                java.util.Optional.of(Fixtures.GROUP), java.util.Optional.empty(), "raw");
        assertThat(events.handle(raid).texts()).containsExactly("welcome!");
        assertThat(events.handle(roomState).texts()).isEmpty();
        assertThat(types).containsExactly("USERNOTICE", "ROOMSTATE");
    }

    @Test
    void buttonPressRunsTheCommandInItsData() {
        Bot rolling = Bot.builder()
                .command(Command.named("roll").argument(Argument.string("dice"))
                        .handler(ctx -> Reply.text(ctx.sender().displayName() + " rolls " + ctx.args().string("dice")))
                        .build())
                .build();
        ButtonPress press = new ButtonPress(Fixtures.TEST, "cb1", Fixtures.GROUP, Fixtures.ANNA, "roll 2d6",
                java.util.Optional.of("55"), java.time.Instant.EPOCH, null);
        Handled handled = rolling.handle(press);
        assertThat(handled.texts()).containsExactly("Anna rolls 2d6");
        assertThat(handled.outbound().get(0).replyToId()).isEmpty();
    }

    @Test
    void repliesAreThreadedUnderTheCommandMessage() {
        Message message = Fixtures.message("!hello");
        Handled handled = bot.handle(message);
        assertThat(handled.outbound()).singleElement()
                .satisfies(out -> {
                    assertThat(out.replyToId()).contains(message.id());
                    assertThat(out.chat()).isEqualTo(Fixtures.GROUP);
                });
    }

    private static Bot addressingBot() {
        Capabilities caps = new Capabilities(true, 4096, Capabilities.LengthUnit.UTF16, Set.of(), true, true);
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(
                Platform.of("telegram"), caps, User.of("99", "chorus_bot", "Chorus"));
        Bot bot = Bot.builder().command(hello()).adapter(adapter).build();
        bot.start();
        return bot;
    }

    private static Message onAddressing(String text) {
        return new Message(Platform.of("telegram"), "1", Fixtures.GROUP, Fixtures.VIKTOR, text,
                java.time.Instant.EPOCH, java.util.Optional.empty(), null);
    }
}
