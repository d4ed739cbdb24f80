package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Bot;
import dev.chorusbot.testkit.telegram.Failure;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One bad moment of Telegram's at start (a 5xx, a dropped connection) must not stop the bot. */
class StartRetryTest {
    private FakeTelegramServer telegram;
    private Bot bot;

    @BeforeEach
    void startFake() {
        telegram = FakeTelegramServer.start();
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop();
        }
        telegram.close();
    }

    private Bot pollingBot(int attempts) {
        TelegramPollingAdapter adapter = new TelegramPollingAdapter(TelegramConfig.builder().token(telegram.token())
                .apiUrl(telegram.apiUrl()).mode(TelegramMode.POLLING).pollingTimeoutSeconds(1)
                .retries(attempts, Duration.ofMillis(10), Duration.ofMillis(40)).build());
        return Bot.builder().command(WebhookTest.hello()).adapter(adapter).build();
    }

    @Test
    void repeatsGetMeAfterAServerErrorAndStarts() {
        telegram.failNext("getMe", Failure.serverError(500, "Internal Server Error"));
        bot = pollingBot(3);

        bot.start();

        assertThat(telegram.calls("getMe")).hasSize(2);
        assertThat(bot.adapters().values().iterator().next().self()).isPresent();
    }

    @Test
    void repeatsGetMeAfterADroppedConnectionAndA502() {
        telegram.failNext("getMe", Failure.dropConnection());
        telegram.failNext("getMe", Failure.serverError(502, "Bad Gateway"));
        bot = pollingBot(3);

        bot.start();

        assertThat(telegram.calls("getMe")).hasSize(3);
        assertThat(bot.adapters().values().iterator().next().self()).isPresent();
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsWithTheLastReason() {
        telegram.failNext("getMe", 2, Failure.serverError(500, "Internal Server Error"));
        Bot failing = pollingBot(2);

        assertThatThrownBy(failing::start).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the bot could not start: Telegram getMe failed: 500");
        assertThat(telegram.calls("getMe")).hasSize(2);
    }

    @Test
    void doesNotRepeatARequestTelegramRefusedWithA4xx() {
        telegram.failNext("getMe", Failure.error(400, "Bad Request: no"));
        Bot failing = pollingBot(3);

        assertThatThrownBy(failing::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("400");
        assertThat(telegram.calls("getMe")).hasSize(1);
    }
}
