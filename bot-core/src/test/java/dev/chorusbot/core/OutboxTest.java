package dev.chorusbot.core;

import static dev.chorusbot.core.Fixtures.GROUP;
import static dev.chorusbot.core.Fixtures.TEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Proactive sends: {@link Bot#send} and {@link HandlerContext#send}, through the renderer and the adapter. */
class OutboxTest {
    private static final Capabilities ONE_LINE_OF_TEN =
            new Capabilities(false, 10, Capabilities.LengthUnit.CODE_POINTS, Set.of(), false, false);

    static final class Refused extends PlatformException {
        Refused() {
            super(TEST, "403", "Forbidden: bot was blocked by the user", "test refused: 403 Forbidden", null);
        }
    }

    @Test
    void sendsAReplyRenderedForThePlatformToTheChatAndItsTopic() {
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(TEST, ONE_LINE_OF_TEN, null);
        Bot bot = Bot.builder().adapter(adapter).build();
        bot.start();
        Chat topic = GROUP.withThread("7");

        bot.send(TEST, topic, Reply.text("first line\nsecond")).toCompletableFuture().join();

        assertThat(adapter.sent).extracting(Outbound::text).containsExactly("first line", "| second");
        assertThat(adapter.sent).allSatisfy(sent -> {
            assertThat(sent.chat()).isEqualTo(topic);
            assertThat(sent.replyToId()).isEmpty();
        });
        bot.stop();
    }

    @Test
    void aHandlerSendsToAnotherChatThroughItsContext() {
        Fixtures.RecordingAdapter adapter =
                new Fixtures.RecordingAdapter(TEST, Capabilities.plainText(), null);
        Chat mods = Chat.of("mods", Chat.Kind.GROUP, "Mods");
        Bot bot = Bot.builder()
                .command(Command.named("report").handler(ctx -> {
                    ctx.send(mods, Reply.text(ctx.sender().displayName() + " reports: " + ctx.rawArguments()));
                    return Reply.text("thanks");
                }).build())
                .adapter(adapter)
                .build();
        bot.start();

        List<String> answer = bot.handle(Fixtures.message("!report spam")).texts();

        assertThat(answer).containsExactly("thanks");
        assertThat(adapter.sent).singleElement().satisfies(sent -> {
            assertThat(sent.chat()).isEqualTo(mods);
            assertThat(sent.text()).isEqualTo("Viktor reports: spam");
        });
        bot.stop();
    }

    @Test
    void aRefusalFailsTheStageWithThePlatformsTypedFailure() {
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(TEST, Capabilities.plainText(), null) {
            @Override
            public synchronized CompletableFuture<Void> send(Outbound message) {
                return CompletableFuture.failedFuture(new Refused());
            }
        };
        Bot bot = Bot.builder().adapter(adapter).build();
        bot.start();
        AtomicReference<Throwable> seen = new AtomicReference<>();

        CompletionStage<Void> sent = bot.send(GROUP, Reply.text("hi"));
        sent.whenComplete((ok, failure) -> seen.set(failure));

        assertThat(seen.get()).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> sent.toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(PlatformException.class)
                .satisfies(e -> assertThat(((PlatformException) e).reason())
                        .isEqualTo("Forbidden: bot was blocked by the user"));
        bot.stop();
    }

    @Test
    void noneSendsNothing() {
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(TEST, Capabilities.plainText(), null);
        Bot bot = Bot.builder().adapter(adapter).build();
        bot.start();

        assertThat(bot.send(GROUP, Reply.none()).toCompletableFuture().join()).isNull();
        assertThat(adapter.sent).isEmpty();
        bot.stop();
    }

    @Test
    void refusesAPlatformWithoutAdapterAndABotNotStarted() {
        Bot bot = Bot.builder().adapter(new Fixtures.RecordingAdapter(TEST, Capabilities.plainText(), null)).build();

        assertThatThrownBy(() -> bot.send(GROUP, Reply.text("hi")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the bot has not been started, so it cannot send to test chat group-1");
        bot.start();
        assertThatThrownBy(() -> bot.send(Platform.of("irc"), GROUP, Reply.text("hi")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the bot has no adapter for platform 'irc'; its platforms are [test]");
        bot.stop();
        assertThatThrownBy(() -> bot.send(GROUP, Reply.text("hi")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the bot has stopped, so it cannot send to test chat group-1");
    }

    @Test
    void nameThePlatformWhenTheBotHasSeveral() {
        Bot bot = Bot.builder()
                .adapter(new Fixtures.RecordingAdapter(TEST, Capabilities.plainText(), null))
                .adapter(new Fixtures.RecordingAdapter(Platform.of("other"), Capabilities.plainText(), null))
                .build();
        bot.start();

        assertThatThrownBy(() -> bot.send(GROUP, Reply.text("hi")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the bot has adapters for [test, other]; name the platform to send to with"
                        + " send(platform, chat, reply)");
        bot.stop();
    }

    @Test
    void textHandlersGetTheContextWithStateServicesAndReplies() {
        Bot bot = Bot.builder()
                .service(String.class, "pong")
                .onText(ctx -> {
                    ctx.reply("seen " + ctx.state().increment("seen", 1, java.time.Duration.ZERO));
                    return ctx.text().equals("ping") ? Reply.text(ctx.service(String.class)) : Reply.none();
                })
                .build();

        assertThat(Fixtures.answer(bot, "ping")).containsExactly("seen 1", "pong");
        assertThat(Fixtures.answer(bot, "other")).containsExactly("seen 2");
    }
}
