package dev.chorusbot.testkit.lambda;

import dev.chorusbot.core.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AWS Lambda Runtime API (version 2018-06-01) on a loopback port: what a function's runtime
 * talks to inside Lambda. Start the real runtime interface client against it with {@code
 * AWS_LAMBDA_RUNTIME_API=}{@link #address()}, queue events with {@link #invoke(String)} and read
 * what the function answered.
 *
 * <p>Like every fake of the testkit: {@link #start()} for the defaults, {@link #builder()} for
 * options, {@link #close()} after the test, and {@code await…} methods that fail with an
 * {@link AssertionError} naming what they waited for.
 *
 * <p>Served as Lambda documents it ("Using the Lambda runtime API for custom runtimes"):
 * <ul>
 *   <li>{@code GET /2018-06-01/runtime/invocation/next} waits for the next event and returns it
 *       with the headers {@code Lambda-Runtime-Aws-Request-Id}, {@code Lambda-Runtime-Deadline-Ms},
 *       {@code Lambda-Runtime-Invoked-Function-Arn} and {@code Lambda-Runtime-Trace-Id};
 *   <li>{@code POST /2018-06-01/runtime/invocation/{id}/response} and {@code .../error} complete
 *       the invocation and answer {@code 202 {"status":"OK"}}; an unknown id gets {@code 400} with
 *       {@code errorType} {@code InvalidRequestID};
 *   <li>{@code POST /2018-06-01/runtime/init/error} records an initialisation failure.
 * </ul>
 *
 * <pre>{@code
 * try (FakeLambdaRuntime runtime = FakeLambdaRuntime.start()) {
 *     // start: java -cp ... com.amazonaws.services.lambda.runtime.api.client.AWSLambda my.Handler::handleRequest
 *     //        with AWS_LAMBDA_RUNTIME_API=runtime.address()
 *     FakeLambdaRuntime.Result result = runtime.invoke("{...}").await(Duration.ofSeconds(10));
 * }
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class FakeLambdaRuntime implements AutoCloseable {
    private static final Duration DEFAULT_TIMEOUT = dev.chorusbot.testkit.internal.Await.DEFAULT_TIMEOUT;

    private final RuntimeApi api;
    private final AtomicInteger ids = new AtomicInteger();

    /**
     * The outcome of one invocation, or of a failed initialisation.
     *
     * @param requestId the invocation's id ({@code init} for an initialisation error)
     * @param error true when the function posted to {@code /error} or {@code /init/error}
     * @param body what it posted: the response payload, or the error JSON
     * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header of an error, if sent
     * @param deliveredNanos {@link System#nanoTime()} when the runtime fetched the event from
     *     {@code /next} (for an initialisation error, when the error arrived)
     * @param completedNanos {@link System#nanoTime()} when the post arrived, for timing
     */
    public record Result(String requestId, boolean error, String body, Optional<String> errorType,
            long deliveredNanos, long completedNanos) {
        /**
         * Validates the components.
         *
         * @param requestId the invocation's id; not null
         * @param error whether the function reported an error
         * @param body the posted payload or error JSON; not null, empty when nothing was posted
         * @param errorType the error type header; not null, empty when not sent
         * @param deliveredNanos {@link System#nanoTime()} when the event was handed out
         * @param completedNanos {@link System#nanoTime()} when the answer arrived
         * @throws NullPointerException when {@code requestId}, {@code body} or {@code errorType} is
         *     null
         */
        public Result {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(errorType, "errorType");
        }
    }

    private FakeLambdaRuntime(RuntimeApi api) {
        this.api = api;
    }

    /**
     * Starts on a free loopback port; invocations get a 30 second deadline.
     *
     * @return the running runtime API; close it after the test
     * @throws IllegalStateException when no loopback port can be bound
     */
    public static FakeLambdaRuntime start() {
        return builder().start();
    }

    /**
     * A builder, for another invocation deadline.
     *
     * @return a builder with a 30 second deadline; finish with {@link Builder#start()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link FakeLambdaRuntime}. */
    public static final class Builder {
        private Duration deadline = Duration.ofSeconds(30);

        private Builder() {}

        /**
         * The time from {@code /next} to the {@code Lambda-Runtime-Deadline-Ms} each invocation
         * announces; the fake only announces it and does not end late invocations.
         *
         * @param value the deadline; not null
         * @return this builder, for chaining
         */
        public Builder deadline(Duration value) {
            this.deadline = Objects.requireNonNull(value, "deadline");
            return this;
        }

        /**
         * Starts on a free loopback port.
         *
         * @return the running runtime API; close it after the test
         * @throws IllegalStateException when no loopback port can be bound
         */
        public FakeLambdaRuntime start() {
            try {
                return new FakeLambdaRuntime(new RuntimeApi(deadline));
            } catch (IOException e) {
                throw new IllegalStateException("cannot bind the fake Lambda runtime on loopback", e);
            }
        }
    }

    /**
     * {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}.
     *
     * @return the loopback address and port, without a scheme, such as {@code 127.0.0.1:41234}
     */
    public String address() {
        return api.address();
    }

    /**
     * Queues an event; the runtime picks it up on its next poll.
     *
     * @param eventJson the event payload, sent to the function as UTF-8 exactly as given
     * @return the invocation, to await what the function posted back ({@code /response} or
     *     {@code /error})
     */
    public Invocation invoke(String eventJson) {
        String requestId = "chorus-" + ids.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        RuntimeApi.Pending pending = new RuntimeApi.Pending(requestId, eventJson.getBytes(StandardCharsets.UTF_8));
        api.queue(pending);
        return new Invocation(pending);
    }

    /**
     * Waits up to 10 seconds until the runtime reports that the function failed to initialise.
     *
     * @return the first initialisation error, with the request id {@code init}
     * @throws AssertionError when none arrives in time, or the fake is closed first
     */
    public Result awaitInitError() {
        return awaitInitError(DEFAULT_TIMEOUT);
    }

    /**
     * Waits until the runtime reports that the function failed to initialise.
     *
     * @param timeout how long to wait at most
     * @return the first initialisation error, with the request id {@code init}
     * @throws AssertionError when none arrives within {@code timeout}, or the fake is closed first
     */
    public Result awaitInitError(Duration timeout) {
        return await(api.initError(), "an initialisation error", timeout);
    }

    /** One queued event and, once the function answers, its outcome. */
    public static final class Invocation {
        private final RuntimeApi.Pending pending;

        private Invocation(RuntimeApi.Pending pending) {
            this.pending = pending;
        }

        /**
         * The invocation's id, the {@code Lambda-Runtime-Aws-Request-Id} the runtime receives.
         *
         * @return the request id
         */
        public String requestId() {
            return pending.requestId;
        }

        /**
         * Waits up to 10 seconds for what the function posted back.
         *
         * @return the outcome
         * @throws AssertionError naming the request id and whether the event was handed out, when
         *     the function does not answer in time or the fake is closed first
         */
        public Result await() {
            return await(DEFAULT_TIMEOUT);
        }

        /**
         * Waits for what the function posted back.
         *
         * @param timeout how long to wait at most
         * @return the outcome
         * @throws AssertionError naming the request id and whether the event was handed out, when
         *     the function does not answer within {@code timeout} or the fake is closed first
         */
        public Result await(Duration timeout) {
            return FakeLambdaRuntime.await(pending.result, "the answer to invocation " + pending.requestId
                    + " (event " + (pending.deliveredNanos == 0 ? "not yet fetched from /next" : "fetched") + ")",
                    timeout);
        }

        /**
         * The outcome as a future, for tests that compose or time invocations.
         *
         * @return completes with what the function posted; fails with an
         *     {@link IllegalStateException} when the fake is closed first
         */
        public CompletableFuture<Result> future() {
            return pending.result;
        }
    }

    private static Result await(CompletableFuture<Result> future, String what, Duration timeout) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                    + "; saw nothing posted");
        } catch (ExecutionException e) {
            throw new AssertionError("waiting for " + what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    /**
     * Stops serving; the runtime client's pending poll fails, and so does every invocation not
     * answered yet, so a test waiting on one does not hang.
     */
    @Override
    public void close() {
        api.stop();
    }
}
