package dev.chorusbot.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.EventNotTakenException;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.time.ScheduledTask;
import dev.chorusbot.telegram.TelegramApiException;
import dev.chorusbot.telegram.TelegramConfig;
import dev.chorusbot.telegram.TelegramRefusedException;
import dev.chorusbot.telegram.TelegramUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling: getUpdates with an offset one past the last handled update, so an update is
 * acknowledged only once it was handled (a crash means Telegram delivers it again). Network errors
 * and 5xx back off and retry; 429 waits retry_after; 401, 404 and 409 stop the adapter with one
 * sentence naming the cause and the fix.
 */
public final class PollingLoop {
    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final TelegramAccount account;
    private final Adapter adapter;
    private final TelegramConfig config;
    /** The pause between failed calls under way; stop() ends it early. */
    private volatile CompletableFuture<Void> pausing;
    private volatile boolean running = true;
    private volatile CompletableFuture<List<JsonNode>> inFlight;
    private volatile long offset;
    private long confirmed;
    private Thread thread;

    /** A loop feeding {@code account}'s sink on behalf of {@code adapter}. */
    public PollingLoop(TelegramAccount account, Adapter adapter) {
        this.account = account;
        this.adapter = adapter;
        this.config = account.config();
    }

    /** Starts the polling thread. */
    public void start() {
        thread = new Thread(this::run, "chorus-telegram-polling");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next offset: one past the last handled update. */
    public long offset() {
        return offset;
    }

    private void run() {
        Throwable failure = null;
        int failures = 0;
        while (running) {
            List<JsonNode> updates;
            try {
                long requested = offset;
                CompletableFuture<List<JsonNode>> call = account.api().getUpdates(requested,
                        config.pollingTimeoutSeconds(), config.allowedUpdates());
                inFlight = call;
                if (!running) {
                    // stop() ran between the check above and the line before and cancelled the
                    // previous call: without this the thread would wait out a whole long poll.
                    call.cancel(true);
                }
                updates = call.get();
                confirmed = requested; // only an answered call surely reached Telegram
                failures = 0;
            } catch (CancellationException e) {
                break;
            } catch (InterruptedException e) {
                break;
            } catch (ExecutionException e) {
                if (!running) {
                    // stop() cancelled the long poll. The HTTP client cancels the request under the
                    // future first, so the call fails with "Request cancelled" instead of being
                    // cancelled itself: that is the stop, not a failure to report or retry.
                    break;
                }
                Throwable cause = e.getCause();
                if (cause instanceof TelegramApiException api) {
                    Optional<TelegramRefusedException> fatal = fatal(api);
                    if (fatal.isPresent()) {
                        failure = fatal.get();
                        break;
                    }
                    if (api.errorCode() == 429) {
                        pause(api.retryAfter().orElse(1) * 1000L);
                        continue;
                    }
                    if (api.errorCode() < 500) {
                        failure = new TelegramRefusedException("getUpdates", api.errorCode(), api.description(),
                                "Telegram refused getUpdates: " + api.errorCode() + " " + api.description());
                        break;
                    }
                }
                failures++;
                long delay = Math.min(config.maxBackoff().toMillis(),
                        config.initialBackoff().toMillis() << Math.min(20, failures - 1));
                log.warn("getUpdates failed ({}); retrying in {} ms", cause.getMessage(), delay);
                pause(delay);
                continue;
            }
            handle(updates);
        }
        if (failure == null) {
            // Not after a failure: a rejected token or a webhook refuses the call anyway, and after a
            // 409 another instance polls now; one more getUpdates would terminate its long poll and
            // stop that instance too (updates handled here may then reach it once more).
            confirm();
        }
        account.sink().stopped(adapter, failure);
    }

    private static Optional<TelegramRefusedException> fatal(TelegramApiException e) {
        String why;
        if (e.errorCode() == 401 || e.errorCode() == 404) {
            why = "Telegram rejected the bot token (" + e.errorCode() + " " + e.description()
                    + "): check TELEGRAM_BOT_TOKEN";
        } else if (e.errorCode() == 409 && e.description().contains("webhook")) {
            why = "Telegram refuses long polling while a webhook is set (409 " + e.description()
                    + "): delete the webhook with deleteWebhook, or run in webhook mode (TELEGRAM_MODE=webhook)";
        } else if (e.errorCode() == 409) {
            why = "Another instance of this bot is polling Telegram (409 " + e.description()
                    + "): stop the other instance; only one may poll per token";
        } else {
            return Optional.empty();
        }
        return Optional.of(new TelegramRefusedException(e.method(), e.errorCode(), e.description(), why));
    }

    private void handle(List<JsonNode> updates) {
        List<CompletableFuture<Void>> handling = new ArrayList<>(updates.size());
        java.util.concurrent.atomic.AtomicLong firstRefused = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        long next = offset;
        for (JsonNode json : updates) {
            long id = json.path("update_id").asLong(-1);
            next = Math.max(next, id + 1);
            TelegramUpdate update;
            try {
                update = UpdateReader.update(json);
            } catch (UpdateReader.MalformedUpdateException e) {
                log.warn("Skipped a malformed update from getUpdates: {}", e.getMessage());
                continue;
            }
            Optional<InboundEvent> event;
            try {
                event = account.map(update);
            } catch (RuntimeException e) {
                // An update the mapping cannot take must not end this thread silently: skip it.
                log.warn("Skipped update {} of kind '{}' that could not be read: {}", update.updateId(), update.kind(),
                        e.toString());
                continue;
            }
            if (event.isEmpty()) {
                log.debug("Ignored update {} of kind '{}'", update.updateId(), update.kind());
                continue;
            }
            handling.add(account.dispatchAndSend(event.get()).exceptionally(e -> {
                if (EventNotTakenException.isNotTaken(e)) {
                    // The bot is stopping and did not take it: leave it unconfirmed for the next run.
                    log.debug("Update {} was not taken: {}", update.updateId(), e.getMessage());
                    firstRefused.accumulateAndGet(update.updateId(), Math::min);
                } else {
                    // Taken, and failed past the bot's error handling (an Error in a handler): confirm
                    // it, or it and every later update of its batch would come back.
                    log.warn("Handling update {} failed: {}", update.updateId(), e.getMessage());
                }
                return null;
            }));
        }
        // Acknowledge (advance the offset) only after the whole batch was handled.
        CompletableFuture.allOf(handling.toArray(CompletableFuture[]::new)).join();
        offset = Math.min(next, firstRefused.get());
    }

    /** Tells Telegram which updates were handled: the offset is only sent with the next call. */
    private void confirm() {
        if (offset > confirmed) {
            try {
                account.api().getUpdates(offset, 0, config.allowedUpdates()).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("Could not confirm updates before {}: {}", offset, e.getMessage());
            }
        }
    }

    /** Waits {@code millis} on the bot's scheduler, or until stop(). */
    private void pause(long millis) {
        CompletableFuture<Void> wake = new CompletableFuture<>();
        pausing = wake;
        ScheduledTask timer = account.scheduler().schedule(Duration.ofMillis(millis), () -> wake.complete(null));
        if (!running) {
            wake.complete(null); // stop() ran before this pause was visible to it
        }
        try {
            wake.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e); // never: the future is only completed normally
        } finally {
            timer.cancel();
            pausing = null;
        }
    }

    /** Stops polling: the long poll in flight is abandoned; its updates are not acknowledged. */
    public void stop() {
        running = false;
        CompletableFuture<Void> pause = pausing;
        if (pause != null) {
            pause.complete(null);
        }
        CompletableFuture<List<JsonNode>> call = inFlight;
        if (call != null) {
            call.cancel(true);
        }
    }

    /** Waits for the polling thread to end. */
    public void join(long millis) throws InterruptedException {
        if (thread != null) {
            thread.join(millis);
        }
    }
}
