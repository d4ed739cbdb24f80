package dev.chorusbot.core;

import static dev.chorusbot.core.Fixtures.answer;
import static dev.chorusbot.core.Fixtures.hello;
import static dev.chorusbot.core.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MiddlewareTest {

    @Test
    void middlewareRunsInOrderAroundTheHandler() {
        List<String> trace = new ArrayList<>();
        Bot bot = Bot.builder()
                .command(Command.named("ping").handler(ctx -> {
                    trace.add("handler");
                    return Reply.text("pong");
                }).build())
                .middleware((invocation, chain) -> {
                    trace.add("first:" + invocation.command().map(c -> c.command().name()).orElse("-"));
                    Reply reply = chain.proceed(invocation);
                    trace.add("first done");
                    return reply;
                })
                .middleware((invocation, chain) -> {
                    trace.add("second");
                    return chain.proceed(invocation);
                })
                .build();
        assertThat(answer(bot, "!ping")).containsExactly("pong");
        assertThat(trace).containsExactly("first:ping", "second", "handler", "first done");
    }

    @Test
    void middlewareMayAnswerInsteadOfTheHandler() {
        Bot bot = Bot.builder()
                .command(hello())
                .middleware((invocation, chain) -> invocation.sender().map(User::login).orElse("").equals("viktor")
                        ? Reply.text("Viktor is muted")
                        : chain.proceed(invocation))
                .build();
        assertThat(answer(bot, "!hello")).containsExactly("Viktor is muted");
        assertThat(bot.handle(message(Fixtures.ANNA, Fixtures.GROUP, "!hello")).texts())
                .containsExactly("hello Anna!");
    }

    @Test
    void failingHandlerGetsAnApologyAndTheBotKeepsRunning() {
        Bot bot = Bot.builder()
                .command(Command.named("boom").handler(ctx -> {
                    throw new IllegalStateException("kaboom");
                }).build())
                .command(hello())
                .build();
        assertThat(answer(bot, "!boom")).containsExactly("Sorry, something went wrong. Please try again later.");
        assertThat(answer(bot, "!hello")).containsExactly("hello Viktor!");
    }

    @Test
    void failingMiddlewareIsHandledLikeAFailingHandler() {
        Bot bot = Bot.builder()
                .command(hello())
                .middleware((invocation, chain) -> {
                    throw new java.io.IOException("metrics backend down");
                })
                .texts(BotTexts.ENGLISH.withApology("Oops."))
                .build();
        assertThat(answer(bot, "!hello")).containsExactly("Oops.");
    }

    @Test
    void ownMessagesAreIgnored() {
        User self = User.of("99", "Chorus_Bot", "Chorus");
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), self);
        Bot bot = Bot.builder().command(hello()).adapter(adapter).build();
        bot.start();
        assertThat(bot.handle(message(self, Fixtures.GROUP, "!hello")).texts()).isEmpty();
        User sameLoginOtherCase = User.of("unknown", "chorus_bot", "x");
        assertThat(bot.handle(message(sameLoginOtherCase, Fixtures.GROUP, "!hello")).texts()).isEmpty();
        assertThat(answer(bot, "!hello")).containsExactly("hello Viktor!");
    }

    @Test
    void redeliveredEventsAreHandledOnce() {
        int[] calls = {0};
        Bot bot = Bot.builder()
                .command(Command.named("count").handler(ctx -> Reply.text("call " + ++calls[0])).build())
                .build();
        Message message = message("!count");
        assertThat(bot.handle(message).texts()).containsExactly("call 1");
        assertThat(bot.handle(message).texts()).isEmpty();
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void sameMessageIdInAnotherChatIsNotADuplicate() {
        Bot bot = Bot.builder().command(hello()).build();
        Message first = new Message(Fixtures.TEST, "5", Fixtures.GROUP, Fixtures.VIKTOR, "!hello",
                java.time.Instant.EPOCH, java.util.Optional.empty(), null);
        Message otherChat = new Message(Fixtures.TEST, "5", Chat.of("group-2", Chat.Kind.GROUP, ""),
                Fixtures.VIKTOR, "!hello", java.time.Instant.EPOCH, java.util.Optional.empty(), null);
        assertThat(bot.handle(first).texts()).hasSize(1);
        assertThat(bot.handle(otherChat).texts()).hasSize(1);
    }

    @Test
    void seenEventsAreMarkedUnderTheirOrderingKeyKindAndId() {
        InMemoryStateStore store = new InMemoryStateStore();
        Bot bot = Bot.builder().command(hello()).stateStore(store).build();
        Message message = new Message(Fixtures.TEST, "5", Fixtures.GROUP, Fixtures.VIKTOR, "!hello",
                java.time.Instant.EPOCH, java.util.Optional.empty(), null);
        bot.handle(message);
        // The format a shared store (Redis) already holds from earlier versions: a redelivery
        // arriving across an upgrade must still be recognised.
        assertThat(store.get("chorus:seen:test:group-1:message:5")).contains("");
    }

    @Test
    void seenKeyOfEveryEventKindStartsWithItsOrderingKey() {
        ButtonPress press = new ButtonPress(Fixtures.TEST, "cb-7", Fixtures.GROUP, Fixtures.VIKTOR, "hello",
                java.util.Optional.empty(), java.time.Instant.EPOCH, null);
        PlatformEvent inChat = new PlatformEvent(Fixtures.TEST, "USERNOTICE", "n-1",
                java.util.Optional.of(Chat.of("чат-1", Chat.Kind.GROUP, "")), java.util.Optional.empty(), null);
        PlatformEvent noChat = new PlatformEvent(Fixtures.TEST, "my_chat_member", "u-9",
                java.util.Optional.empty(), java.util.Optional.empty(), null);
        Message message = message("!hello");
        assertThat(BuiltInMiddleware.seenKey(message))
                .isEqualTo("chorus:seen:" + message.orderingKey() + ":message:" + message.id());
        assertThat(BuiltInMiddleware.seenKey(press)).isEqualTo("chorus:seen:test:group-1:button:cb-7")
                .isEqualTo("chorus:seen:" + press.orderingKey() + ":button:cb-7");
        assertThat(BuiltInMiddleware.seenKey(inChat)).isEqualTo("chorus:seen:test:чат-1:USERNOTICE:n-1")
                .isEqualTo("chorus:seen:" + inChat.orderingKey() + ":USERNOTICE:n-1");
        assertThat(BuiltInMiddleware.seenKey(noChat)).isEqualTo("chorus:seen:test::my_chat_member:u-9")
                .isEqualTo("chorus:seen:" + noChat.orderingKey() + ":my_chat_member:u-9");
    }

    @Test
    void dedupeForgetsAfterItsWindow() {
        Fixtures.ManualTime clock = new Fixtures.ManualTime();
        Bot bot = Bot.builder().command(hello()).scheduler(clock).dedupeWindow(Duration.ofMinutes(1)).build();
        Message message = message("!hello");
        assertThat(bot.handle(message).texts()).hasSize(1);
        clock.advance(Duration.ofSeconds(59));
        assertThat(bot.handle(message).texts()).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(bot.handle(message).texts()).hasSize(1);
    }

    @Test
    void commandForModeratorsRefusesOthersWithAShortAnswer() {
        Bot bot = Bot.builder().command(ban()).build();
        assertThat(answer(bot, "!ban troll")).containsExactly("Sorry, !ban is only for moderators.");
    }

    @Test
    void higherRolesMayRunTheCommand() {
        Bot bot = Bot.builder().command(ban()).build();
        User owner = Fixtures.VIKTOR.withRoles(Set.of(Role.OWNER));
        assertThat(bot.handle(message(owner, Fixtures.GROUP, "!ban troll")).texts()).containsExactly("banned troll");
    }

    @Test
    void rolesAreLookedUpFromTheAdapterOnlyWhenNeeded() {
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), null);
        adapter.lookedUpRoles = Set.of(Role.MODERATOR);
        Bot bot = Bot.builder().command(ban()).command(hello()).adapter(adapter).build();
        bot.start();
        assertThat(answer(bot, "!hello")).containsExactly("hello Viktor!");
        assertThat(adapter.roleLookups).isZero();
        assertThat(answer(bot, "!ban troll")).containsExactly("banned troll");
        assertThat(adapter.roleLookups).isEqualTo(1);
    }

    @Test
    void cooldownMakesOneUserWait() {
        Fixtures.ManualTime clock = new Fixtures.ManualTime();
        Bot bot = Bot.builder()
                .command(Command.named("roll").cooldown(Duration.ofSeconds(10))
                        .handler(ctx -> Reply.text("rolled")).build())
                .scheduler(clock)
                .build();
        assertThat(answer(bot, "!roll")).containsExactly("rolled");
        clock.advance(Duration.ofMillis(2500));
        assertThat(answer(bot, "!roll")).containsExactly("Please wait 8 s before using !roll again.");
        assertThat(bot.handle(message(Fixtures.ANNA, Fixtures.GROUP, "!roll")).texts())
                .as("another user is not held back").containsExactly("rolled");
        clock.advance(Duration.ofMillis(7500));
        assertThat(answer(bot, "!roll")).containsExactly("rolled");
    }

    @Test
    void aCooldownBeyondTheMillisecondRangeHoldsTheUserBack() {
        Bot bot = Bot.builder()
                .command(Command.named("claim").cooldown(Duration.ofSeconds(Long.MAX_VALUE))
                        .handler(ctx -> Reply.text("claimed")).build())
                .build();
        assertThat(answer(bot, "!claim")).containsExactly("claimed");
        assertThat(answer(bot, "!claim")).singleElement().asString().startsWith("Please wait ");
    }

    @Test
    void refusedCommandsDoNotStartTheCooldown() {
        Fixtures.ManualTime clock = new Fixtures.ManualTime();
        Bot bot = Bot.builder()
                .command(Command.named("ban").requiredRole(Role.MODERATOR).cooldown(Duration.ofSeconds(30))
                        .handler(ctx -> Reply.text("banned")).build())
                .scheduler(clock)
                .build();
        assertThat(answer(bot, "!ban")).containsExactly("Sorry, !ban is only for moderators.");
        User moderator = Fixtures.VIKTOR.withRoles(Set.of(Role.MODERATOR));
        assertThat(bot.handle(message(moderator, Fixtures.GROUP, "!ban")).texts()).containsExactly("banned");
    }

    @Test
    void aUsageErrorDoesNotStartTheCooldown() {
        Fixtures.ManualTime clock = new Fixtures.ManualTime();
        Bot bot = Bot.builder()
                .command(Command.named("roll").argument(Argument.integer("sides")).cooldown(Duration.ofSeconds(30))
                        .handler(ctx -> Reply.text("rolled d" + ctx.args().integer("sides"))).build())
                .scheduler(clock)
                .build();
        assertThat(answer(bot, "!roll six"))
                .containsExactly("'six' is not a whole number for <sides>. Usage: !roll <sides>");
        assertThat(answer(bot, "!roll 6")).as("the corrected command runs at once").containsExactly("rolled d6");
        assertThat(answer(bot, "!roll 6")).containsExactly("Please wait 30 s before using !roll again.");
    }

    @Test
    void placeholdersTypedByTheUserAreEchoedAsTyped() {
        Bot bot = Bot.builder()
                .command(Command.named("roll").argument(Argument.integer("sides"))
                        .handler(ctx -> Reply.text("rolled")).build())
                .build();
        assertThat(answer(bot, "!roll {usage}"))
                .containsExactly("'{usage}' is not a whole number for <sides>. Usage: !roll <sides>");
        assertThat(BotTexts.fill("{a} and {b}", "a", "{b}", "b", "B")).isEqualTo("{b} and B");
    }

    @Test
    void handlersReachStateAndServices() {
        record Greeting(String word) {}
        Bot bot = Bot.builder()
                .service(Greeting.class, new Greeting("ahoy"))
                .command(Command.named("count").handler(ctx -> {
                    long n = ctx.state().increment("count:" + ctx.chat().id(), 1, Duration.ZERO);
                    return Reply.text(ctx.service(Greeting.class).word() + " " + n);
                }).build())
                .build();
        assertThat(answer(bot, "!count")).containsExactly("ahoy 1");
        assertThat(answer(bot, "!count")).containsExactly("ahoy 2");
    }

    @Test
    void contextRepliesComeBeforeTheReturnedReply() {
        Bot bot = Bot.builder()
                .command(Command.named("steps").handler(ctx -> {
                    ctx.reply("one");
                    ctx.reply(Reply.text("two"));
                    return Reply.text("three");
                }).build())
                .build();
        assertThat(answer(bot, "!steps")).containsExactly("one", "two", "three");
    }

    private static Command ban() {
        return Command.named("ban").requiredRole(Role.MODERATOR).argument(Argument.string("user"))
                .handler(ctx -> Reply.text("banned " + ctx.args().string("user"))).build();
    }
}
