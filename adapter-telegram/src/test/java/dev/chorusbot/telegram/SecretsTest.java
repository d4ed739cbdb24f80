package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.testkit.telegram.Failure;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The token never reaches logs or exception messages. Runs last (see junit-platform.properties),
 * so the log file it scans holds the whole run of this module's tests, at debug level.
 */
@Order(Integer.MAX_VALUE)
class SecretsTest {

    @Test
    void keepsTheTokenOutOfExceptionMessagesWhenTheServerCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TelegramBotApi api = new TelegramBotApi(URI.create("http://127.0.0.1:" + closedPort),
                FakeTelegramServer.DEFAULT_TOKEN, Duration.ofSeconds(2));

        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> api.getMe().get(5, TimeUnit.SECONDS));

        assertThat(e.getCause()).isInstanceOf(TelegramNetworkException.class).hasMessageStartingWith("getMe failed: ");
        assertThat(e.getCause().getCause()).isNull(); // the HTTP client's own exception may hold the URL
        assertThat(stackTrace(e)).doesNotContain(FakeTelegramServer.DEFAULT_TOKEN);
    }

    @Test
    void keepsTheTokenOutOfTheErrorOfAMethodNameThatIsNoUrlPath() throws Exception {
        // The token and the method name make up one URL; a name the URL parser refuses must not
        // bring the whole URL, token included, into the exception message.
        TelegramBotApi api = new TelegramBotApi(URI.create("http://127.0.0.1:9"), FakeTelegramServer.DEFAULT_TOKEN,
                Duration.ofSeconds(2));

        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> api.call("send Message", TelegramBotApi.params()).get(5, TimeUnit.SECONDS));

        assertThat(e.getCause()).isInstanceOf(TelegramNetworkException.class)
                .hasMessageStartingWith("send Message failed: ");
        assertThat(stackTrace(e)).doesNotContain(FakeTelegramServer.DEFAULT_TOKEN);
    }

    @Test
    void keepsTheTokenOutOfTheWholeTestLog() throws Exception {
        // Provoke every failure path once more, so this check does not depend on which tests ran.
        try (FakeTelegramServer telegram = FakeTelegramServer.start()) {
            FakeUser anna = telegram.user("Anna", null, "anna");
            telegram.blockedBy(anna).addChat(FakeChat.privateWith(anna));
            telegram.failNext("sendMessage", Failure.dropConnection());
            TelegramAdapter adapter = SchedulerSink.start(new TelegramAdapter(TelegramConfig.builder().token(telegram.token())
                    .apiUrl(telegram.apiUrl()).username("chorus_test_bot")
                    .retries(2, Duration.ofMillis(1), Duration.ofMillis(1)).build()), Scheduler.system());
            try {
                adapter.send(Outbound.text(Chat.of(Long.toString(anna.id()), Chat.Kind.PRIVATE, "A"), "hi"))
                        .handle((ok, failure) -> null).get(5, TimeUnit.SECONDS);
            } finally {
                adapter.close();
            }
        }

        String log = Files.readString(Path.of("target", "telegram-tests.log"));
        assertThat(log).contains("Gave up a message to Telegram chat"); // the log is really there
        assertThat(log).doesNotContain(FakeTelegramServer.DEFAULT_TOKEN)
                .doesNotContain(FakeTelegramServer.DEFAULT_TOKEN.substring(FakeTelegramServer.DEFAULT_TOKEN.indexOf(':')));
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    @SuppressWarnings("unused")
    private static final Class<?> ORDERER = ClassOrderer.OrderAnnotation.class;
}
