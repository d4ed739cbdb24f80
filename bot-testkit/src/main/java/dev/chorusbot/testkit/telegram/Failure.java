package dev.chorusbot.testkit.telegram;

import dev.chorusbot.core.Api;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A failure the fake injects into a Bot API call; see {@link FakeTelegramServer#failNext(String, Failure)}.
 */
@Api(Api.Status.EXPERIMENTAL)
public sealed interface Failure {

    /**
     * 429 "Too Many Requests: retry after N" with {@code parameters.retry_after}.
     *
     * @param retryAfterSeconds the seconds the client must wait, sent as N and as
     *     {@code retry_after}
     * @return the failure, to pass to {@link FakeTelegramServer#failNext(String, Failure)}
     */
    static Failure tooManyRequests(int retryAfterSeconds) {
        return new Error(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    /**
     * A 5xx answer, such as 502 "Bad Gateway".
     *
     * @param status the HTTP status and {@code error_code}, such as 502
     * @param description the {@code description} of the error body
     * @return the failure, to pass to {@link FakeTelegramServer#failNext(String, Failure)}
     */
    static Failure serverError(int status, String description) {
        return new Error(status, description, 0);
    }

    /**
     * Any Bot API error with Telegram's envelope.
     *
     * @param status the HTTP status and {@code error_code}, such as 400 or 403
     * @param description the {@code description}, such as
     *     {@code "Forbidden: bot was blocked by the user"}
     * @return the failure, to pass to {@link FakeTelegramServer#failNext(String, Failure)}
     */
    static Failure error(int status, String description) {
        return new Error(status, description, 0);
    }

    /**
     * The call is answered normally, but only after {@code delay}.
     *
     * @param delay how long the fake waits before answering
     * @return the failure, to pass to {@link FakeTelegramServer#failNext(String, Failure)}
     */
    static Failure slow(Duration delay) {
        return new Slow(delay);
    }

    /**
     * The call gets no answer until {@link Held#release()} is called, or the fake closes: a Bot API
     * call that hangs, for testing what must not wait for it.
     *
     * @return the failure, to pass to {@link FakeTelegramServer#failNext(String, Failure)}; keep it
     *     to release the call
     */
    static Held held() {
        return new Held(new CountDownLatch(1));
    }

    /**
     * The connection is closed without an answer.
     *
     * @return the failure, to pass to {@link FakeTelegramServer#failNext(String, Failure)}
     */
    static Failure dropConnection() {
        return new Drop();
    }

    /** An error answer. @param status the error_code @param description the description @param retryAfter 0 for none */
    record Error(int status, String description, int retryAfter) implements Failure {}

    /** A late answer. @param delay how late */
    record Slow(Duration delay) implements Failure {}

    /**
     * A call held without an answer until {@link #release()}.
     *
     * @param released counted down by {@link #release()}
     */
    record Held(CountDownLatch released) implements Failure {
        /** Lets the held call (and any later one this failure holds) be answered normally. */
        public void release() {
            released.countDown();
        }
    }

    /** A dropped connection. */
    record Drop() implements Failure {}
}
