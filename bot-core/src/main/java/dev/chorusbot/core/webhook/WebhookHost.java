package dev.chorusbot.core.webhook;

import static dev.chorusbot.core.internal.Checks.notNull;

import dev.chorusbot.core.Api;
import java.time.Duration;
import java.util.Optional;

/**
 * What the host of a webhook request allows the endpoint, which decides how long a request may wait
 * for the bot's sends:
 * <ul>
 *   <li>{@link #longRunning()}: the process goes on after the answer (the embedded {@link
 *       WebhookServer}, an application server), so a reply that would wait for a platform's send
 *       limit is queued and the request answered at once;</li>
 *   <li>{@link #function(Duration)}: a cloud function, which may be frozen as soon as it answers, so
 *       every send finishes before the answer, within the time the function has left; an event
 *       whose reply could not go out in that time is answered so that the platform delivers it
 *       again.</li>
 * </ul>
 *
 * <pre>{@code
 * WebhookResponse response = routes.handle(request, WebhookHost.longRunning());
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class WebhookHost {
    private static final WebhookHost LONG_RUNNING = new WebhookHost(true, Optional.empty());
    private static final WebhookHost FUNCTION = new WebhookHost(false, Optional.empty());

    private final boolean longRunning;
    private final Optional<Duration> timeLeft;

    private WebhookHost(boolean longRunning, Optional<Duration> timeLeft) {
        this.longRunning = longRunning;
        this.timeLeft = timeLeft;
    }

    /**
     * A host whose process keeps running after it answers.
     *
     * @return the long-running host
     */
    public static WebhookHost longRunning() {
        return LONG_RUNNING;
    }

    /**
     * A cloud function that does not know how long it has left (Google Cloud Functions and Yandex
     * Cloud Functions tell a Java function nothing about it): the endpoint's own deadline bounds it.
     *
     * @return a function host without a known time left
     */
    public static WebhookHost function() {
        return FUNCTION;
    }

    /**
     * A cloud function with {@code timeLeft} before its platform stops it (AWS Lambda's {@code
     * Context.getRemainingTimeInMillis()}).
     *
     * @param timeLeft the time the invocation has left; zero or negative when it has none
     * @return a function host with that time left
     * @throws NullPointerException if {@code timeLeft} is null
     */
    public static WebhookHost function(Duration timeLeft) {
        notNull(timeLeft, "timeLeft");
        return new WebhookHost(false, Optional.of(timeLeft.isNegative() ? Duration.ZERO : timeLeft));
    }

    /**
     * Whether sends may finish after the answer.
     *
     * @return true for {@link #longRunning()}, false for a function
     */
    public boolean isLongRunning() {
        return longRunning;
    }

    /**
     * The time a function has left, when its platform tells it.
     *
     * @return the time left; empty for a long-running host or a function that does not know
     */
    public Optional<Duration> timeLeft() {
        return timeLeft;
    }

    @Override
    public String toString() {
        return longRunning ? "WebhookHost[long-running]"
                : "WebhookHost[function" + timeLeft.map(t -> ", " + t.toMillis() + " ms left").orElse("") + "]";
    }
}
