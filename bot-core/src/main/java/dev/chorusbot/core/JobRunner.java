package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notBlank;
import static dev.chorusbot.core.internal.Checks.notNull;

import dev.chorusbot.core.time.ScheduledTask;
import dev.chorusbot.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's jobs, kept in its {@link StateStore}: the index {@value #INDEX} scores each job's id
 * with the epoch millisecond its next run is due, and the index {@code chorus:job:<id>} holds the
 * job itself as its one member. Both are indexes rather than keys because a store may evict keys
 * (the in-memory one does past its bound) but never indexes. A due job is claimed by removing its
 * id from {@value #INDEX}: the store lets exactly one caller do that, so one instance runs it.
 */
final class JobRunner {
    static final String INDEX = "chorus:jobs";
    private static final String JOB_PREFIX = "chorus:job:";
    /** How many due jobs one look claims at a time. */
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final StateStore state;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Map<String, JobHandler> handlers;
    private final Map<Class<?>, Object> services;
    private final Bot bot;
    private final AtomicInteger lookRequests = new AtomicInteger();
    private volatile ScheduledTask poll;
    private volatile boolean stopped;

    JobRunner(StateStore state, Scheduler scheduler, Map<String, JobHandler> handlers,
            Map<Class<?>, Object> services, Bot bot) {
        this.state = state;
        this.scheduler = scheduler;
        this.clock = scheduler.clock();
        this.handlers = Map.copyOf(handlers);
        this.services = services;
        this.bot = bot;
    }

    boolean hasHandlers() {
        return !handlers.isEmpty();
    }

    /** Jobs whose handlers' replies go to {@code chat} on {@code platform}; both null for none. */
    Jobs bound(Platform platform, Chat chat) {
        return new BoundJobs(Optional.ofNullable(platform), Optional.ofNullable(chat));
    }

    /** Looks for due jobs every {@code interval}, the looking itself on {@code executor}. */
    void startPolling(Duration interval, Executor executor) {
        poll = scheduler.scheduleAtFixedRate(interval, interval, () -> {
            // One look at a time; a tick during a look makes that look go round once more, so
            // every tick is followed by a look that reads the time after it.
            if (lookRequests.getAndIncrement() == 0) {
                try {
                    executor.execute(this::lookUntilQuiet);
                } catch (RuntimeException e) {
                    lookRequests.set(0);
                    log.warn("Could not look for due jobs: {}", e.toString());
                }
            }
        });
    }

    private void lookUntilQuiet() {
        try {
            int seen;
            do {
                seen = lookRequests.get();
                if (!stopped) {
                    runDue();
                }
            } while (lookRequests.addAndGet(-seen) != 0);
        } finally {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Stops looking, and waits up to {@code wait} for a look under way to have handed its jobs to
     * the dispatcher, so that a stopping bot claims nothing after it drained.
     */
    void stopPolling(Duration wait) throws InterruptedException {
        stopped = true;
        ScheduledTask task = poll;
        if (task != null) {
            task.cancel();
        }
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (lookRequests.get() != 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /**
     * Claims the jobs due now and runs each on the bot's dispatcher, in its chat's order.
     *
     * @return completes with the number of jobs claimed once each ran and its reply was accepted
     */
    CompletableFuture<Integer> runDue() {
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        try {
            long now = scheduler.now().toEpochMilli();
            for (int round = 0; round < BATCH; round++) {
                List<StateStore.Scored> due = state.indexRange(INDEX, now, BATCH);
                for (StateStore.Scored job : due) {
                    if (state.removeFromIndex(INDEX, job.member())) {
                        runs.add(run(job.member(), job.score(), now));
                    }
                }
                if (due.size() < BATCH) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Looking for due jobs failed: {}", e.toString());
        }
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
                .handle((ok, failure) -> runs.size());
    }

    private CompletableFuture<Void> run(String id, long dueMillis, long nowMillis) {
        Optional<String> stored = stored(id);
        if (stored.isEmpty()) {
            return CompletableFuture.completedFuture(null); // cancelled between the look and the claim
        }
        StoredJob job;
        try {
            job = StoredJob.decode(stored.get());
        } catch (RuntimeException e) {
            log.warn("Dropping job {}: {}", id, e.getMessage());
            state.removeFromIndex(JOB_PREFIX + id, stored.get());
            return CompletableFuture.completedFuture(null);
        }
        JobHandler handler = handlers.get(job.name());
        if (handler == null) {
            log.warn("Dropping job {}: no handler named '{}' is registered (Bot.Builder.job)", id, job.name());
            state.removeFromIndex(JOB_PREFIX + id, stored.get());
            return CompletableFuture.completedFuture(null);
        }
        String key = job.platform().map(p -> p.id() + ':' + job.chat().map(Chat::id).orElse("")).orElse("job:" + id);
        Instant due = Instant.ofEpochMilli(dueMillis);
        CompletableFuture<CompletableFuture<Void>> ran;
        try {
            ran = bot.dispatcher().submit(key, () -> runHandler(id, job, handler, due));
        } catch (RuntimeException e) {
            ran = CompletableFuture.failedFuture(e);
        }
        return ran.exceptionally(notTaken -> {
            // The bot is stopping and did not take it: put it back for the next look, here or elsewhere.
            state.addToIndex(INDEX, id, dueMillis);
            return CompletableFuture.completedFuture(null);
        }).thenCompose(sent -> sent).whenComplete((ok, failure) -> {
            if (failure != null) {
                log.warn("Job {} ({}) could not send its reply: {}", id, job.name(), failure.toString());
            }
            reschedule(id, job, stored.get(), dueMillis, nowMillis);
        }).handle((ok, failure) -> null);
    }

    private CompletableFuture<Void> runHandler(String id, StoredJob job, JobHandler handler, Instant due) {
        Reply reply;
        try {
            reply = handler.run(new Context(id, job, due));
        } catch (Exception e) {
            log.warn("Job {} ({}) failed", id, job.name(), e);
            return CompletableFuture.completedFuture(null);
        }
        if (reply == null || reply == Reply.none()) {
            return CompletableFuture.completedFuture(null);
        }
        if (job.chat().isEmpty() || job.platform().isEmpty()) {
            log.warn("Job {} ({}) has no chat to send its reply to; send through JobContext.outbox()", id, job.name());
            return CompletableFuture.completedFuture(null);
        }
        return bot.send(job.platform().get(), job.chat().get(), reply).toCompletableFuture();
    }

    /** A repeating job goes back in the index at its next due time after now, unless cancelled meanwhile. */
    private void reschedule(String id, StoredJob job, String stored, long dueMillis, long nowMillis) {
        try {
            if (job.period().isZero()) {
                state.removeFromIndex(JOB_PREFIX + id, stored);
                return;
            }
            long period = job.period().toMillis();
            long missed = Math.max(0, (nowMillis - dueMillis) / period);
            long next = dueMillis + (missed + 1) * period;
            if (stored(id).isPresent()) {
                state.addToIndex(INDEX, id, next);
            }
        } catch (RuntimeException e) {
            log.warn("Could not reschedule job {} ({}): {}", id, job.name(), e.toString());
        }
    }

    private Optional<String> stored(String id) {
        List<StateStore.Scored> found = state.indexRange(JOB_PREFIX + id, Long.MAX_VALUE, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).member());
    }

    private final class BoundJobs implements Jobs {
        private final Optional<Platform> platform;
        private final Optional<Chat> chat;

        BoundJobs(Optional<Platform> platform, Optional<Chat> chat) {
            this.platform = platform;
            this.chat = chat;
        }

        @Override
        public String schedule(String name, String payload, Schedule when) {
            return schedule(UUID.randomUUID().toString(), name, payload, when);
        }

        @Override
        public String schedule(String id, String name, String payload, Schedule when) {
            notBlank(id, "id");
            notNull(name, "name");
            notNull(payload, "payload");
            notNull(when, "when");
            if (!handlers.containsKey(name)) {
                throw new IllegalArgumentException("no job handler is named '" + name
                        + "'; register one with Bot.builder().job(\"" + name + "\", handler)");
            }
            String encoded = new StoredJob(name, payload, platform, chat, when.period()).encode();
            String index = JOB_PREFIX + id;
            for (StateStore.Scored old : state.indexRange(index, Long.MAX_VALUE, BATCH)) {
                state.removeFromIndex(index, old.member());
            }
            // The job before its id: an instance that claims the id must find the job.
            state.addToIndex(index, encoded, 0);
            state.addToIndex(INDEX, id, when.firstRun(scheduler.now()).toEpochMilli());
            return id;
        }

        @Override
        public boolean cancel(String id) {
            notNull(id, "id");
            boolean waiting = state.removeFromIndex(INDEX, id);
            boolean existed = false;
            String index = JOB_PREFIX + id;
            for (StateStore.Scored job : state.indexRange(index, Long.MAX_VALUE, BATCH)) {
                existed |= state.removeFromIndex(index, job.member());
            }
            return waiting || existed;
        }
    }

    private final class Context implements JobContext {
        private final String id;
        private final StoredJob job;
        private final Instant due;

        Context(String id, StoredJob job, Instant due) {
            this.id = id;
            this.job = job;
            this.due = due;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String name() {
            return job.name();
        }

        @Override
        public String payload() {
            return job.payload();
        }

        @Override
        public Instant due() {
            return due;
        }

        @Override
        public Optional<Platform> platform() {
            return job.platform();
        }

        @Override
        public Optional<Chat> chat() {
            return job.chat();
        }

        @Override
        public Jobs jobs() {
            return new BoundJobs(job.platform(), job.chat());
        }

        @Override
        public StateStore state() {
            return state;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public <T> T service(Class<T> type) {
            return BaseContext.lookUp(services, type);
        }

        @Override
        public Outbox outbox() {
            return bot;
        }

        @Override
        public String toString() {
            return "job " + id + " (" + job.name() + ")";
        }
    }
}
