package dev.chorusbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.InMemoryStateStore;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Questions and answers kept in the state store. */
class ConversationsTest {
    private static final User ANNA = User.of("2", "anna", "Anna");

    private final ManualScheduler time = new ManualScheduler();
    private final StateStore store = new InMemoryStateStore(time, 1000);

    private Bot.Builder quizBot() {
        return Bot.builder()
                .scheduler(time)
                .stateStore(store)
                .command(Command.named("quiz").handler(ctx ->
                        ctx.ask(Reply.text("What is 6 times 7?"), "quiz", Duration.ofSeconds(60))).build())
                .command(Command.named("cancel").handler(ctx ->
                        Reply.text(ctx.endConversation() ? "quiz cancelled" : "nothing to cancel")).build())
                .onAnswer("quiz", (ctx, data) ->
                        Reply.text(ctx.text().strip().equals("42") ? "correct!" : "no, it is 42"))
                .onText(ctx -> Reply.text("chat: " + ctx.text()));
    }

    @Test
    void theAskedUsersNextMessageInTheChatIsTheAnswer() {
        try (TestBot bot = TestBot.start(quizBot())) {
            bot.send("!quiz").assertReply("What is 6 times 7?");
            assertThat(bot.adapter().sent().get(0).question()).isTrue();

            bot.as(ANNA).send("42").assertReply("chat: 42");
            bot.in(dev.chorusbot.core.Chat.of("other", dev.chorusbot.core.Chat.Kind.GROUP, "")).send("42")
                    .assertReply("chat: 42");
            bot.send("42").assertReply("correct!");
            bot.send("42").assertReply("chat: 42");
        }
    }

    @Test
    void aWrongAnswerIsToldTheRightOne() {
        try (TestBot bot = TestBot.start(quizBot())) {
            bot.send("!quiz");
            bot.send("41").assertReply("no, it is 42");
        }
    }

    @Test
    void cancelEndsTheQuestion() {
        try (TestBot bot = TestBot.start(quizBot())) {
            bot.send("!quiz");
            bot.send("!cancel").assertReply("quiz cancelled");
            bot.send("42").assertReply("chat: 42");
            bot.send("!cancel").assertReply("nothing to cancel");
        }
    }

    @Test
    void afterTheTimeoutTheQuestionIsForgottenSilently() {
        try (TestBot bot = TestBot.start(quizBot())) {
            bot.send("!quiz");
            bot.adapter().clear();
            time.advance(Duration.ofSeconds(61));

            assertThat(bot.adapter().sent()).isEmpty();
            bot.send("42").assertReply("chat: 42");
        }
    }

    @Test
    void aFormOfSeveralStepsCarriesItsAnswersAlong() {
        Bot.Builder builder = Bot.builder()
                .scheduler(time)
                .stateStore(store)
                .command(Command.named("signup").handler(ctx ->
                        ctx.ask(Reply.text("Your name?"), "name", Duration.ofMinutes(5))).build())
                .onAnswer("name", (ctx, data) ->
                        ctx.ask(Reply.text("Hi " + ctx.text() + ", your age?"), "age", Duration.ofMinutes(5), ctx.text()))
                .onAnswer("age", (ctx, name) -> Reply.text(name + " is " + ctx.text()));
        try (TestBot bot = TestBot.start(builder)) {
            bot.send("!signup").assertReply("Your name?");
            bot.send("Viktor").assertReply("Hi Viktor, your age?");
            bot.send("33").assertReply("Viktor is 33");
            assertThat(bot.adapter().sent()).extracting(Outbound::question).containsExactly(true, true, false);
        }
    }

    @Test
    void askingForAStepWithoutAHandlerIsRefused() {
        Bot.Builder builder = Bot.builder()
                .command(Command.named("ask").handler(ctx ->
                        ctx.ask(Reply.text("?"), "nowhere", Duration.ofSeconds(5))).build());
        try (TestBot bot = TestBot.start(builder)) {
            bot.send("!ask").assertReply("Sorry, something went wrong. Please try again later.");
        }
        assertThatThrownBy(() -> quizBot().onAnswer("quiz", (ctx, data) -> Reply.none()).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("two answer handlers are registered for step 'quiz': steps must be unique");
    }
}
