package dev.chorusbot.testkit.telegram;

import java.time.Duration;

/**
 * A failure the fake injects into a Bot API call; see {@link FakeTelegramServer#failNext}.
 */
public sealed interface Failure {

    /** 429 "Too Many Requests: retry after N" with {@code parameters.retry_after}. */
    static Failure tooManyRequests(int retryAfterSeconds) {
        return new Error(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    /** A 5xx answer, such as 502 "Bad Gateway". */
    static Failure serverError(int status, String description) {
        return new Error(status, description, 0);
    }

    /** Any Bot API error with Telegram's envelope. */
    static Failure error(int status, String description) {
        return new Error(status, description, 0);
    }

    /** The call is answered normally, but only after {@code delay}. */
    static Failure slow(Duration delay) {
        return new Slow(delay);
    }

    /** The connection is closed without an answer. */
    static Failure dropConnection() {
        return new Drop();
    }

    /** An error answer. @param status the error_code @param description the description @param retryAfter 0 for none */
    record Error(int status, String description, int retryAfter) implements Failure {}

    /** A late answer. @param delay how late */
    record Slow(Duration delay) implements Failure {}

    /** A dropped connection. */
    record Drop() implements Failure {}
}
