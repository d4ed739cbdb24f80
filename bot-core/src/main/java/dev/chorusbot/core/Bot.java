package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import dev.chorusbot.core.internal.AnnotatedCommands;
import dev.chorusbot.core.internal.HandlerThreads;
import dev.chorusbot.core.internal.OrderedDispatcher;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.core.webhook.WebhookRoutes;
import dev.chorusbot.core.webhook.WebhookServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat bot: commands, middleware and the adapters that connect it to platforms.
 *
 * <pre>{@code
 * Bot bot = Bot.builder()
 *     .command(Command.named("hello")
 *         .description("Say hello")
 *         .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
 *         .build())
 *     .adapter(new ConsoleAdapter())
 *     .build();
 * bot.run(); // until every adapter stopped, or stop() is called
 * }</pre>
 *
 * <p>Or let the environment choose the platforms ({@link Builder#fromEnv()}, see {@link
 * BotEnvironment}): {@code Bot.builder().command(hello).fromEnv().build().run()} chats on the console
 * with no variable set, on Telegram with {@code TELEGRAM_BOT_TOKEN}, and so on.
 *
 * <p>Events of one chat are handled in order; events of different chats in parallel, on virtual
 * threads where the JVM has them (Java 21+) or a bounded pool otherwise. {@link #stop()} stops
 * taking events, lets those in flight finish and be answered, then closes the adapters.
 */
@Api(Api.Status.STABLE)
public final class Bot implements Outbox {
    private static final Logger log = LoggerFactory.getLogger(Bot.class);

    private final List<Command> commands;
    private final Map<Platform, Adapter> adapters;
    private final Map<Platform, Capabilities> capabilities = new ConcurrentHashMap<>();
    private final HandlerChain handlers;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final Duration shutdownTimeout;
    private final WebhookServer webhookServer;
    private final WebhookRoutes routes;
    private final OrderedDispatcher dispatcher;
    private final Scheduler scheduler;
    private final StateStore state;
    private final JobRunner jobs;
    private final Conversations conversations;
    private final Duration jobPollInterval;
    private final boolean ownsState;
    private final Sink sink = new Sink();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Map<Adapter, Optional<Throwable>> stoppedAdapters = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean webhooksHosted;
    private final BotObserver observer;
    private volatile boolean frozenBetweenRequests;

    private Bot(Builder builder, List<Command> commands, Map<Platform, Adapter> adapters, WebhookServer webhookServer,
            boolean ownsState) {
        this.commands = List.copyOf(commands);
        this.adapters = Collections.unmodifiableMap(new LinkedHashMap<>(adapters));
        Map<String, Command> byName = new HashMap<>();
        for (Command command : commands) {
            byName.put(command.name(), command);
            command.aliases().forEach(alias -> byName.put(alias, command));
        }
        List<Middleware> chain = new ArrayList<>();
        chain.add(BuiltInMiddleware.ERRORS);
        chain.add(BuiltInMiddleware.IGNORE_OWN);
        chain.add(BuiltInMiddleware.dedupe(builder.dedupeWindow));
        chain.addAll(builder.middleware);
        chain.add(BuiltInMiddleware.PERMISSIONS);
        chain.add(BuiltInMiddleware.COOLDOWNS);
        this.handlers = new HandlerChain(new CommandRouter(byName, builder.platformPrefixes, builder.prefixes),
                chain, builder, this);
        this.scheduler = builder.scheduler;
        this.state = builder.state;
        this.ownsState = ownsState;
        this.ownsExecutor = builder.executor == null;
        this.executor = ownsExecutor ? HandlerThreads.create() : builder.executor;
        this.dispatcher = new OrderedDispatcher(executor);
        this.shutdownTimeout = builder.shutdownTimeout;
        this.conversations = new Conversations(builder.answerHandlers);
        this.jobs = new JobRunner(builder.state, scheduler, builder.jobHandlers, Map.copyOf(builder.services), this);
        this.jobPollInterval = builder.jobPollInterval != null ? builder.jobPollInterval
                : builder.functionEnv ? Duration.ZERO : Duration.ofSeconds(1);
        this.webhookServer = webhookServer;
        this.routes = webhookServer != null ? webhookServer.routes() : new WebhookRoutes();
        this.webhooksHosted = builder.webhooksHostedByApplication;
        this.observer = ObserverList.of(builder.observers);
        if (builder.health != null) {
            routes.probe(builder.health.get(0), () -> !isTerminated());
            routes.probe(builder.health.get(1), this::isReady);
        }
    }

    /**
     * Starts configuring a bot.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The commands, including the automatic {@code help}.
     *
     * @return the builder's commands in the order added, then the {@link BotCommand} ones, then
     *     {@code help}
     */
    public List<Command> commands() {
        return commands;
    }

    /**
     * The adapters by platform.
     *
     * @return one adapter per platform
     */
    public Map<Platform, Adapter> adapters() {
        return adapters;
    }

    /**
     * The webhook routes of the push adapters, filled by {@link #start()}: serve them from any
     * HTTP server or a serverless function with {@link WebhookRoutes#handle}, having declared that
     * with {@link #hostWebhooks()}.
     *
     * @return the routes; the push adapters' endpoints are in them only after {@link #start()}
     */
    public WebhookRoutes webhookRoutes() {
        return routes;
    }

    /**
     * Declares that the caller serves the push adapters' webhooks itself, and returns the routes to
     * serve: a serverless entry point does, as does an HTTP server of the application's own or a
     * test that hands requests to the routes. Without this or an embedded {@link
     * Builder#webhookServer}, {@link #start()} refuses a push adapter, since nothing would receive
     * its webhooks. Call before {@link #start()}.
     *
     * @return the routes, as {@link #webhookRoutes()}; the endpoints are in them after {@link #start()}
     */
    public WebhookRoutes hostWebhooks() {
        webhooksHosted = true;
        return routes;
    }

    /**
     * As {@link #hostWebhooks()}, for a host that runs only while it answers a request and is
     * frozen in between: a serverless function. Adapters are told so ({@link
     * EventSink#frozenBetweenRequests()}) and start no background work that a freeze would cut
     * short; they do at start what answering needs and the rest when an event needs it. The
     * serverless entry points call this. Call before {@link #start()}.
     *
     * @return the routes, as {@link #webhookRoutes()}; the endpoints are in them after {@link #start()}
     */
    public WebhookRoutes hostWebhooksInFunction() {
        frozenBetweenRequests = true;
        return hostWebhooks();
    }

    /**
     * Starts every adapter, routes the push adapters' webhooks, and starts the embedded webhook
     * server if one was configured. Returns once all are ready.
     *
     * @throws ConfigurationException when a push adapter has no host (no embedded webhook server,
     *     and {@link #hostWebhooks()} was not called); nothing is started then
     * @throws IllegalStateException when already started, or an adapter or the server fails to
     *     start (adapters started before it are closed again)
     */
    public void start() {
        checkWebhookHost();
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("bot already started");
        }
        List<Adapter> running = new ArrayList<>();
        try {
            for (Adapter adapter : adapters.values()) {
                capabilities.put(adapter.platform(), adapter.capabilities());
                adapter.start(sink);
                running.add(adapter);
                if (adapter instanceof PushAdapter push) {
                    routes.add(push.webhookPath(), push.shownWebhookPath(), push.endpoint());
                }
            }
            if (webhookServer != null) {
                webhookServer.start();
            }
            if (jobs.hasHandlers() && !jobPollInterval.isZero()) {
                jobs.startPolling(jobPollInterval, executor);
            }
        } catch (Exception e) {
            running.forEach(Bot::closeQuietly);
            stopping.set(true);
            terminated.countDown();
            throw new IllegalStateException("the bot could not start: " + e.getMessage(), e);
        }
        log.info("Bot started with {} commands on {}", commands.size(), adapters.keySet());
    }

    /**
     * A push adapter that nothing hosts would start, answer nothing and never be told why: the
     * platform's deliveries fail on its side only.
     */
    private void checkWebhookHost() {
        if (webhookServer != null || webhooksHosted) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Adapter adapter : adapters.values()) {
            if (adapter instanceof PushAdapter push) {
                problems.add("the " + push.platform().id() + " adapter receives webhooks at " + push.shownWebhookPath()
                        + ", but nothing serves them: give the bot an embedded server (Bot.Builder.webhookServer,"
                        + " or " + BotEnvironment.PORT + " with fromEnv()), run it under a serverless entry point, or"
                        + " call bot.hostWebhooks() and serve bot.webhookRoutes() from your own HTTP server");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    /**
     * Starts the bot and blocks until it stops: when every adapter has stopped by itself (the
     * console reached end of input) or {@link #stop()} was called. A JVM shutdown (Ctrl-C, SIGTERM)
     * stops the bot gracefully.
     *
     * @throws AdapterStoppedException when an adapter stopped because of a failure
     */
    public void run() {
        start();
        Thread hook = new Thread(this::stop, "chorus-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
        synchronized (stoppedAdapters) {
            for (Map.Entry<Adapter, Optional<Throwable>> entry : stoppedAdapters.entrySet()) {
                if (entry.getValue().isPresent()) {
                    throw new AdapterStoppedException(entry.getKey().platform(), entry.getValue().get());
                }
            }
        }
    }

    /**
     * Queues an event for handling in its chat's order. Adapters call this through their
     * {@link EventSink}; tests may call it directly.
     *
     * @param event the event received from a platform
     * @return completes with the replies to send once the event was handled; fails with an
     *     {@link EventNotTakenException} when the bot is stopping and did not take the event, or
     *     when the state store was unavailable while handling it ({@link StateUnavailableException}
     *     is then its cause): either way the platform should deliver it again
     */
    public CompletableFuture<Handled> dispatch(InboundEvent event) {
        return dispatcher.submit(event.orderingKey(), () -> {
            try {
                return handle(event);
            } catch (StateUnavailableException e) {
                log.warn("Left {} event {} unanswered: {}", event.platform(), event.id(), e.getMessage());
                EventNotTakenException notTaken = new EventNotTakenException(e.getMessage());
                notTaken.initCause(e);
                throw notTaken;
            }
        });
    }

    /**
     * Handles one event on the calling thread, bypassing the per-chat ordering of
     * {@link #dispatch(InboundEvent)}, and returns what to send. Nothing is sent.
     *
     * @param event the event; its platform need not have an adapter (plain-text capabilities are
     *     then assumed)
     * @return the event with the replies rendered for its platform
     */
    public Handled handle(InboundEvent event) {
        Adapter adapter = adapters.get(event.platform());
        if (adapter == null) {
            adapter = new DetachedAdapter(event.platform());
        }
        Capabilities caps = capabilities.get(event.platform());
        if (caps == null) {
            caps = adapter.capabilities();
        }
        return handlers.handle(event, adapter, caps);
    }

    /**
     * Sends {@code reply} to {@code chat} on {@code platform}, on the bot's own initiative: rendered
     * for the platform and sent through its adapter's queue, limits and retries, as a handler's
     * answer is. Callable from any thread once the bot has started.
     *
     * <pre>{@code
     * bot.send(TwitchAdapter.PLATFORM, Chat.of("chorusbot", Chat.Kind.GROUP, ""), Reply.text("stream starts!"));
     * }</pre>
     *
     * @param platform the platform to send on; the bot must have an adapter for it
     * @param chat the chat to send to, with its thread or topic if any
     * @param reply what to send; {@link Reply#none()} sends nothing
     * @return completes when the platform accepted every message; fails with the adapter's {@link
     *     PlatformException} (the platform's code and reason) when it refused or the adapter gave up
     * @throws IllegalArgumentException when the bot has no adapter for {@code platform}
     * @throws IllegalStateException when the bot has not been started, or has stopped
     */
    @Override
    public CompletionStage<Void> send(Platform platform, Chat chat, Reply reply) {
        notNull(platform, "platform");
        notNull(chat, "chat");
        notNull(reply, "reply");
        Adapter adapter = adapters.get(platform);
        if (adapter == null) {
            throw new IllegalArgumentException("the bot has no adapter for platform '" + platform.id()
                    + "'; its platforms are " + adapters.keySet());
        }
        if (!started.get() || isTerminated()) {
            throw new IllegalStateException("the bot " + (started.get() ? "has stopped" : "has not been started")
                    + ", so it cannot send to " + platform.id() + " chat " + chat.id());
        }
        Capabilities caps = capabilities.getOrDefault(platform, adapter.capabilities());
        return sendAll(adapter, handlers.render(reply, adapter, caps, chat));
    }

    /**
     * Sends {@code reply} to {@code chat} on the bot's one platform; see {@link #send(Platform,
     * Chat, Reply)}.
     *
     * @param chat the chat to send to, with its thread or topic if any
     * @param reply what to send
     * @return completes when the platform accepted every message; fails with a {@link
     *     PlatformException} when it refused
     * @throws IllegalStateException when the bot has more than one adapter (name the platform
     *     then), or has not been started, or has stopped
     */
    public CompletionStage<Void> send(Chat chat, Reply reply) {
        if (adapters.size() != 1) {
            throw new IllegalStateException("the bot has adapters for " + adapters.keySet()
                    + "; name the platform to send to with send(platform, chat, reply)");
        }
        return send(adapters.keySet().iterator().next(), chat, reply);
    }

    /**
     * The bot's jobs, for scheduling from outside any handler. Jobs scheduled here have no chat:
     * their handlers send through {@link JobContext#outbox()}. See {@link #jobs(Platform, Chat)}
     * for jobs whose replies go to a chat.
     *
     * @return the jobs, kept in the bot's state store
     */
    public Jobs jobs() {
        return jobs.bound(null, null);
    }

    /**
     * The bot's jobs for {@code chat}: what their handlers return is sent there, as from a job
     * scheduled through a handler's {@link HandlerContext#jobs()}.
     *
     * <pre>{@code
     * bot.jobs(TelegramAdapter.PLATFORM, chat).schedule("remind", "stand up", Schedule.in(Duration.ofHours(1)));
     * }</pre>
     *
     * @param platform the chat's platform
     * @param chat the chat, with its thread or topic if any
     * @return the jobs, kept in the bot's state store
     */
    public Jobs jobs(Platform platform, Chat chat) {
        return jobs.bound(notNull(platform, "platform"), notNull(chat, "chat"));
    }

    /**
     * Runs the jobs that are due now and that no other instance sharing the store has claimed: what
     * a cloud function's scheduled trigger calls (the serverless entry points do), since nothing
     * runs between a function's invocations. A long-running bot also looks by itself every
     * {@link Builder#jobPollInterval}.
     *
     * @return completes with the number of jobs run, once each ran and its reply was accepted (a
     *     job that failed or whose reply was refused is logged and counted)
     */
    public CompletionStage<Integer> runDueJobs() {
        return jobs.runDue();
    }

    /** The questions asked, for handlers' contexts; package-private. */
    Conversations conversations() {
        return conversations;
    }

    /** Jobs for handlers' contexts; package-private. */
    JobRunner jobRunner() {
        return jobs;
    }

    /** The dispatcher jobs run on, in their chat's order; package-private. */
    OrderedDispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * Hands {@code messages} to {@code adapter} in order; the result fails with the first failure,
     * unwrapped, so a caller sees the adapter's {@link PlatformException} itself.
     */
    static CompletableFuture<Void> sendAll(Adapter adapter, List<Outbound> messages) {
        if (messages.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> all = new CompletableFuture<>();
        AtomicInteger left = new AtomicInteger(messages.size());
        for (Outbound message : messages) {
            CompletableFuture<Void> sent;
            try {
                sent = adapter.send(message);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((ok, failure) -> {
                if (failure != null) {
                    all.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure);
                } else if (left.decrementAndGet() == 0) {
                    all.complete(null);
                }
            });
        }
        return all;
    }

    /**
     * Stops gracefully: adapters stop taking events, events in flight are handled and answered (up
     * to the shutdown timeout), then adapters and the webhook server close. Idempotent.
     *
     * <p>Called from a handler (a {@code stop} command), it cannot wait for that handler, which is
     * itself in flight: it returns at once and the bot stops on another thread, after the handler
     * has returned and its replies were handed to the adapter. {@link #awaitTermination()} waits
     * for the end.
     */
    public void stop() {
        if (dispatcher.isRunningTask()) {
            if (!stopping.get()) {
                Thread stopper = new Thread(this::stop, "chorus-stop");
                stopper.setDaemon(false);
                stopper.start();
            }
            return;
        }
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            try {
                jobs.stopPolling(shutdownTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            adapters.values().forEach(adapter -> {
                try {
                    adapter.stopReceiving();
                } catch (RuntimeException e) {
                    log.warn("{} adapter failed to stop receiving", adapter.platform(), e);
                }
            });
            dispatcher.close();
            try {
                if (!dispatcher.awaitIdle(shutdownTimeout)) {
                    log.warn("Stopping with {} events still being handled after {}", dispatcher.pending(),
                            shutdownTimeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (webhookServer != null) {
                webhookServer.close();
            }
            adapters.values().forEach(Bot::closeQuietly);
            if (ownsExecutor) {
                executor.shutdown();
            }
            if (ownsState) {
                closeState(state);
            }
            log.info("Bot stopped");
        } finally {
            terminated.countDown();
        }
    }

    /**
     * Blocks until the bot has stopped.
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /**
     * True once the bot has stopped.
     *
     * @return whether {@link #stop()} has finished or every adapter stopped by itself
     */
    public boolean isTerminated() {
        return terminated.getCount() == 0;
    }

    /**
     * Whether the bot can take events now: started, not stopping, and every adapter connected or
     * registered ({@link Adapter#isReady()}): false while Twitch reconnects or before Telegram's
     * setWebhook succeeded. The readiness probe ({@code CHORUS_HEALTH_PATHS}) answers with it.
     *
     * @return true when ready
     */
    public boolean isReady() {
        if (!started.get() || stopping.get()) {
            return false;
        }
        for (Adapter adapter : adapters.values()) {
            if (!adapter.isReady()) {
                return false;
            }
        }
        return true;
    }

    /** Closes a store the bot made from a choice (CHORUS_STATE or stateStore(String)). */
    private static void closeState(StateStore store) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("The state store failed to close: {}", e.toString());
            }
        }
    }

    private static void closeQuietly(Adapter adapter) {
        try {
            adapter.close();
        } catch (RuntimeException e) {
            log.warn("{} adapter failed to close", adapter.platform(), e);
        }
    }

    private final class Sink implements EventSink {
        @Override
        public CompletableFuture<Handled> dispatch(InboundEvent event) {
            return Bot.this.dispatch(event);
        }

        @Override
        public List<Command> commands() {
            return commands;
        }

        @Override
        public Scheduler scheduler() {
            return scheduler;
        }

        @Override
        public BotObserver observer() {
            return observer;
        }

        @Override
        public Optional<StateStore> stateStore() {
            return Optional.of(state);
        }

        @Override
        public boolean frozenBetweenRequests() {
            return frozenBetweenRequests;
        }

        @Override
        public SendBudget sendBudget() {
            return state.sendBudget();
        }

        @Override
        public void stopped(Adapter adapter, Throwable failure) {
            if (failure != null) {
                log.error("{} adapter stopped: {}", adapter.platform(), failure.getMessage());
            } else {
                log.info("{} adapter finished", adapter.platform());
            }
            boolean all;
            synchronized (stoppedAdapters) {
                stoppedAdapters.put(adapter, Optional.ofNullable(failure));
                all = stoppedAdapters.size() == adapters.size();
            }
            if (all) {
                // Not on the adapter's thread: stopping closes the adapter, which may join it.
                Thread stopper = new Thread(Bot.this::stop, "chorus-stop");
                stopper.setDaemon(false);
                stopper.start();
            }
        }
    }

    /** Stands in for a platform that has no adapter, for {@link #handle(InboundEvent)} in tests. */
    private record DetachedAdapter(Platform platform) implements Adapter {
        @Override
        public Capabilities capabilities() {
            return Capabilities.plainText();
        }

        @Override
        public void start(EventSink sink) {}

        @Override
        public CompletableFuture<Void> send(Outbound message) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("no adapter for platform " + platform));
        }

        @Override
        public void close() {}
    }

    /** Configures a {@link Bot}; {@link #build()} checks everything at once. */
    public static final class Builder {
        private static final String HEALTH = "CHORUS_HEALTH_PATHS";

        private final List<Command> commands = new ArrayList<>();
        private final List<Object> annotated = new ArrayList<>();
        private final Map<Platform, Adapter> adapters = new LinkedHashMap<>();
        private final List<Adapter> duplicateAdapters = new ArrayList<>();
        private final List<Middleware> middleware = new ArrayList<>();
        private final List<BotObserver> observers = new ArrayList<>();
        // Package-private: the handler chain reads these six when the bot is built.
        final List<MessageHandler> textHandlers = new ArrayList<>();
        final Map<String, List<EventHandler>> eventHandlers = new HashMap<>();
        final Map<Class<?>, Object> services = new HashMap<>();
        private List<String> prefixes = List.of("!", "/");
        private final Map<Platform, List<String>> platformPrefixes = new HashMap<>();
        private final List<String> problems = new ArrayList<>();
        private ExecutorService executor;
        StateStore state;
        private String stateChoice;
        Scheduler scheduler = Scheduler.system();
        private BotTexts texts;
        private final Map<java.util.Locale, BotTexts> localeTexts = new HashMap<>();
        private java.util.Locale defaultLocale = java.util.Locale.ENGLISH;
        private final List<String> messageBundles = new ArrayList<>();
        private TextCatalog catalog;
        private Duration dedupeWindow = Duration.ofMinutes(10);
        Duration buttonDataTtl = Duration.ofDays(30);
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        private WebhookServer webhookServer;
        private boolean help = true;
        private boolean webhooksHostedByApplication;
        private List<String> health;
        private Map<String, String> env;
        boolean functionEnv;
        final Map<String, JobHandler> jobHandlers = new HashMap<>();
        final Map<String, AnswerHandler> answerHandlers = new HashMap<>();
        Duration jobPollInterval;

        private Builder() {}

        /**
         * Adds a command.
         *
         * @param command a built command; name clashes are reported by {@link #build()}
         * @return this builder
         */
        public Builder command(Command command) {
            commands.add(notNull(command, "command"));
            return this;
        }

        /**
         * Adds the {@link BotCommand} methods of {@code target} as commands.
         *
         * @param target an object whose {@link BotCommand} methods are invoked on it
         * @return this builder
         */
        public Builder commands(Object target) {
            annotated.add(notNull(target, "target"));
            return this;
        }

        /**
         * Connects the bot to a platform; one adapter per platform.
         *
         * @param adapter the adapter; a second one for the same platform is reported by
         *     {@link #build()}
         * @return this builder
         */
        public Builder adapter(Adapter adapter) {
            notNull(adapter, "adapter");
            if (adapters.putIfAbsent(adapter.platform(), adapter) != null) {
                duplicateAdapters.add(adapter);
            }
            return this;
        }

        /**
         * Adds a middleware; they run in the order added, after de-duplication.
         *
         * @param m the middleware to add
         * @return this builder
         */
        public Builder middleware(Middleware m) {
            middleware.add(notNull(m, "middleware"));
            return this;
        }

        /**
         * Adds an observer of messages sent, repeated sends, queue waits, reconnects and webhook
         * answers, for metrics; see {@link BotObserver}. Events and commands are seen by a
         * {@link #middleware(Middleware)}.
         *
         * @param value the observer; several may be added
         * @return this builder
         */
        public Builder observer(BotObserver value) {
            observers.add(notNull(value, "observer"));
            return this;
        }

        /**
         * Adds a handler for messages that are not commands.
         *
         * @param handler the handler, called for every message that is not a command
         * @return this builder
         */
        public Builder onText(MessageHandler handler) {
            textHandlers.add(notNull(handler, "handler"));
            return this;
        }

        /**
         * Registers the handler of the answers to questions asked for {@code step} with {@link
         * HandlerContext#ask}; see {@link AnswerHandler}.
         *
         * <pre>{@code
         * builder.onAnswer("quiz", (ctx, data) -> Reply.text(ctx.text().equals("42") ? "correct!" : "no, it is 42"));
         * }</pre>
         *
         * @param step the step's name; a second handler for one step is reported by {@link #build()}
         * @param handler what handles the answers
         * @return this builder
         */
        public Builder onAnswer(String step, AnswerHandler handler) {
            notNull(handler, "handler");
            if (answerHandlers.putIfAbsent(notNull(step, "step"), handler) != null) {
                problems.add("two answer handlers are registered for step '" + step + "': steps must be unique");
            }
            return this;
        }

        /**
         * Adds a handler for platform events of {@code type}; {@code "*"} receives every type.
         *
         * @param type the platform's event type, as in {@link PlatformEvent#type()}, or {@code "*"}
         * @param handler the handler to call for such events
         * @return this builder
         */
        public Builder onEvent(String type, EventHandler handler) {
            eventHandlers.computeIfAbsent(notNull(type, "type"), t -> new ArrayList<>())
                    .add(notNull(handler, "handler"));
            return this;
        }

        /**
         * Registers the handler that runs jobs named {@code name} when they are due; schedule them
         * with {@link HandlerContext#jobs()} or {@link Bot#jobs()}.
         *
         * <pre>{@code
         * builder.job("remind", job -> Reply.text("reminder: " + job.payload()));
         * }</pre>
         *
         * @param name the jobs' name; a second handler for one name is reported by {@link #build()}
         * @param handler what runs them
         * @return this builder
         */
        public Builder job(String name, JobHandler handler) {
            notNull(handler, "handler");
            if (jobHandlers.putIfAbsent(notNull(name, "name"), handler) != null) {
                problems.add("two job handlers are named '" + name + "': names must be unique");
            } else if (name.isBlank()) {
                problems.add("a job handler's name must not be blank");
            }
            return this;
        }

        /**
         * How often a running bot looks in its state store for due jobs; default every second, and
         * never for a bot built {@link #fromFunctionEnv(Map) for a function} (its scheduled trigger
         * runs them, see {@link Bot#runDueJobs()}). The bot looks only when it has job handlers.
         *
         * @param interval how often to look; {@link Duration#ZERO} never looks by itself; negative is
         *     reported by {@link #build()}
         * @return this builder
         */
        public Builder jobPollInterval(Duration interval) {
            if (notNull(interval, "jobPollInterval").isNegative()) {
                problems.add("jobPollInterval must not be negative, was " + interval);
            }
            this.jobPollInterval = interval;
            return this;
        }

        /**
         * Makes {@code service} available to handlers through {@link CommandContext#service}.
         *
         * @param <T> the service type
         * @param type the key handlers look the service up by
         * @param service the instance to hand out; replaces an earlier one of the same type
         * @return this builder
         */
        public <T> Builder service(Class<T> type, T service) {
            services.put(notNull(type, "type"), notNull(service, "service"));
            return this;
        }

        /**
         * The command prefixes on every platform; default {@code !} and {@code /}.
         *
         * @param values at least one prefix, each non-empty without white space; bad ones are
         *     reported by {@link #build()}
         * @return this builder
         */
        public Builder prefixes(String... values) {
            this.prefixes = checkPrefixes(values, "bot");
            return this;
        }

        /**
         * The command prefixes on one platform, overriding {@link #prefixes(String...)}.
         *
         * @param platform the platform these prefixes apply to
         * @param values at least one prefix, each non-empty without white space; bad ones are
         *     reported by {@link #build()}
         * @return this builder
         */
        public Builder prefixes(Platform platform, String... values) {
            platformPrefixes.put(notNull(platform, "platform"), checkPrefixes(values, platform.id()));
            return this;
        }

        /**
         * Runs handlers on {@code executorService}; the bot does not shut it down.
         *
         * @param executorService the executor that runs handlers
         * @return this builder
         */
        public Builder executor(ExecutorService executorService) {
            this.executor = notNull(executorService, "executor");
            return this;
        }

        /**
         * Where cooldowns, de-duplication and command state are kept; default in memory.
         *
         * @param store the state store, shared by every platform of the bot
         * @return this builder
         */
        public Builder stateStore(StateStore store) {
            this.state = notNull(store, "stateStore");
            return this;
        }

        /**
         * Chooses the state store by the same string as {@value StateStores#VARIABLE}: {@code
         * memory}, {@code file:<path>} (module bot-state-file), {@code redis://…} or {@code
         * rediss://…} (module bot-state-redis); see {@link StateStores}. The bot makes the store
         * when it is built and closes it when it stops. A store given to {@link
         * #stateStore(StateStore)} wins over this choice, and this choice over the environment's.
         *
         * @param choice the store's description; a malformed one, or one whose module is missing,
         *     is reported by {@link #build()}
         * @return this builder
         */
        public Builder stateStore(String choice) {
            this.stateChoice = notNull(choice, "stateStore");
            return this;
        }

        /**
         * Where the bot and its adapters read the time and run timed work: cooldowns, expiry in the
         * default state store, {@link CommandContext#clock()}, and every adapter timer (send pacing,
         * retries, backoff, keep-alive), which adapters take from {@link EventSink#scheduler()}.
         * Default {@link Scheduler#system()}.
         *
         * @param value the scheduler; tests pass the testkit's {@code ManualScheduler}
         * @return this builder
         */
        public Builder scheduler(Scheduler value) {
            this.scheduler = notNull(value, "scheduler");
            return this;
        }

        /**
         * The sentences the bot answers with on its own, in every language; by default Chorus's
         * own, in the reader's language (English, German or Russian).
         *
         * @param value the texts, for example reworded ones
         * @return this builder
         */
        public Builder texts(BotTexts value) {
            this.texts = notNull(value, "texts");
            return this;
        }

        /**
         * The sentences the bot answers with on its own to readers of {@code locale} (its language
         * matches too: {@code Locale.FRENCH} serves {@code fr-CA}).
         *
         * @param locale the readers' language
         * @param value the texts in that language
         * @return this builder
         */
        public Builder texts(java.util.Locale locale, BotTexts value) {
            localeTexts.put(notNull(locale, "locale"), notNull(value, "texts"));
            return this;
        }

        /**
         * The language for users whose platform does not tell theirs and whose chat has none
         * chosen; default English.
         *
         * @param locale the bot's default language
         * @return this builder
         */
        public Builder defaultLocale(java.util.Locale locale) {
            this.defaultLocale = notNull(locale, "locale");
            return this;
        }

        /**
         * Adds the bot's own message bundle, read through {@link CommandContext#text(String,
         * Object...)} in each user's language: {@code messages("com.example.messages")} reads
         * {@code com/example/messages.properties} (English), {@code messages_de.properties} and so
         * on from the class path, as UTF-8. Keys found here win over Chorus's built-in texts.
         *
         * @param baseName the bundle's base name, as for {@link java.util.ResourceBundle#getBundle(String)}
         * @return this builder
         */
        public Builder messages(String baseName) {
            messageBundles.add(notNull(baseName, "baseName"));
            return this;
        }

        /** The catalog of the texts configured so far; made once, when the bot is built. */
        TextCatalog catalog() {
            if (catalog == null) {
                ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader() : Bot.class.getClassLoader();
                catalog = new TextCatalog(defaultLocale, messageBundles, loader, texts, localeTexts);
            }
            return catalog;
        }

        /**
         * How long an event id is remembered to drop redeliveries; default 10 minutes. This is the
         * one de-duplication of every adapter (see {@link StateStore}); Twitch EventSub refuses
         * deliveries older than 10 minutes, so a shorter window lets a late copy through.
         *
         * @param window a positive duration; zero or negative is reported by {@link #build()}
         * @return this builder
         */
        public Builder dedupeWindow(Duration window) {
            if (notNull(window, "dedupeWindow").isNegative() || window.isZero()) {
                problems.add("dedupeWindow must be positive, was " + window);
            }
            this.dedupeWindow = window;
            return this;
        }

        /**
         * How long the data of a button too long for its platform is kept (Telegram carries 64 bytes
         * of button data; longer data waits in the state store under a short token); default 30
         * days. A press after that runs nothing and is answered with the notice {@code
         * button.expired} ("This button has expired. Send the command again.").
         *
         * @param ttl a positive duration; zero or negative is reported by {@link #build()}
         * @return this builder
         */
        public Builder buttonDataTtl(Duration ttl) {
            if (notNull(ttl, "buttonDataTtl").isNegative() || ttl.isZero()) {
                problems.add("buttonDataTtl must be positive, was " + ttl);
            }
            this.buttonDataTtl = ttl;
            return this;
        }

        /**
         * How long {@link Bot#stop()} waits for events in flight; default 10 seconds.
         *
         * @param timeout the longest wait; after it the adapters are closed even if events are
         *     still being handled. Zero does not wait; a negative duration is reported by
         *     {@link #build()}
         * @return this builder
         */
        public Builder shutdownTimeout(Duration timeout) {
            if (notNull(timeout, "shutdownTimeout").isNegative()) {
                problems.add("shutdownTimeout must not be negative, was " + timeout);
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        /**
         * Serves the push adapters' webhooks on this embedded server, started and stopped with the
         * bot.
         *
         * @param server a server that is not started yet
         * @return this builder
         */
        public Builder webhookServer(WebhookServer server) {
            this.webhookServer = notNull(server, "webhookServer");
            return this;
        }

        /**
         * Declares that the application serves the push adapters' webhooks on an HTTP server of its
         * own, as the Spring Boot starter does on Spring's: {@link #fromEnv(Map)} then asks for no
         * port and adds no embedded server, and the built bot serves {@link Bot#webhookRoutes()}
         * through the caller, as after {@link Bot#hostWebhooks()}. Pull adapters run as in any
         * process.
         *
         * @return this builder
         */
        public Builder webhooksHostedByApplication() {
            this.webhooksHostedByApplication = true;
            return this;
        }

        /**
         * Serves health probes on the embedded webhook server: {@code livePath} answers 200 while
         * the process runs the bot, {@code readyPath} 200 while {@link Bot#isReady()} and 503
         * otherwise (for Kubernetes' probes and load balancers). Off by default; {@code
         * CHORUS_HEALTH_PATHS=on} in {@link #fromEnv(Map)} asks for {@code /healthz} and
         * {@code /readyz}, and {@code CHORUS_HEALTH_PATHS=/live,/ready} for other paths. Needs the
         * embedded server: a {@link #webhookServer} or {@value BotEnvironment#PORT}.
         *
         * @param livePath the liveness path, such as {@code /healthz}
         * @param readyPath the readiness path, such as {@code /readyz}
         * @return this builder
         */
        public Builder healthPaths(String livePath, String readyPath) {
            List<String> paths = List.of(notNull(livePath, "livePath"), notNull(readyPath, "readyPath"));
            for (String path : paths) {
                if (!path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
                    problems.add("health path '" + path + "' must start with '/' and have no white space");
                }
            }
            if (livePath.equals(readyPath)) {
                problems.add("the liveness and readiness paths must differ, both were " + livePath);
            }
            this.health = paths;
            return this;
        }

        /**
         * Adds the platforms the process environment switches on, and the embedded webhook server
         * their webhooks need; see {@link #fromEnv(Map)}.
         *
         * @return this builder
         */
        public Builder fromEnv() {
            return fromEnv(System.getenv());
        }

        /**
         * Adds the platforms {@code variables} switch on for a long-running process, as {@link
         * BotEnvironment#process} chooses them: the adapters of {@code TELEGRAM_BOT_TOKEN}, {@code
         * TWITCH_USERNAME}, {@code TWITCH_CLIENT_ID} (those on the class path), an embedded webhook
         * server on {@value BotEnvironment#PORT} when a push adapter needs one, and the console when
         * no platform is switched on and no adapter was added. The variables are read by {@link
         * #build()}, which reports their problems together with the builder's own.
         *
         * <pre>{@code
         * Bot.builder().command(hello).fromEnv().build().run();
         * }</pre>
         *
         * @param variables the variables by name; not null
         * @return this builder
         */
        public Builder fromEnv(Map<String, String> variables) {
            this.env = Map.copyOf(notNull(variables, "variables"));
            this.functionEnv = false;
            return this;
        }

        /**
         * Adds the platforms the process environment switches on for a serverless function; see
         * {@link #fromFunctionEnv(Map)}.
         *
         * @return this builder
         */
        public Builder fromFunctionEnv() {
            return fromFunctionEnv(System.getenv());
        }

        /**
         * Adds the platforms {@code variables} switch on for a serverless function, as {@link
         * BotEnvironment#function} chooses them: adapters that receive webhooks (Telegram in webhook
         * mode unless {@code TELEGRAM_MODE} says otherwise, Twitch EventSub), at least one; no webhook
         * server (the cloud delivers the requests) and no console. For a {@code BotFactory}:
         *
         * <pre>{@code
         * public Bot create() {
         *     return Bot.builder().command(hello).fromFunctionEnv().build();
         * }
         * }</pre>
         *
         * @param variables the variables by name; not null
         * @return this builder
         */
        public Builder fromFunctionEnv(Map<String, String> variables) {
            this.env = Map.copyOf(notNull(variables, "variables"));
            this.functionEnv = true;
            return this;
        }

        /**
         * Whether to add the automatic {@code help} command; default yes.
         *
         * @param enabled {@code false} to leave {@code help} out; it is also left out when a
         *     command already uses the name
         * @return this builder
         */
        public Builder helpCommand(boolean enabled) {
            this.help = enabled;
            return this;
        }

        /**
         * The bot.
         *
         * @return the configured bot, not yet started
         * @throws ConfigurationException listing every problem: bad or clashing command names, missing
         *     handlers, misplaced arguments, two adapters for one platform, and the problems of the
         *     environment's variables ({@link #fromEnv(Map)})
         */
        public Bot build() {
            List<String> found = new ArrayList<>(problems);
            List<Command> all = new ArrayList<>(commands);
            for (Object target : annotated) {
                all.addAll(AnnotatedCommands.of(target, found));
            }
            catalog = null;
            found.addAll(catalog().problems());
            if (help && all.stream().noneMatch(c -> c.name().equals("help") || c.aliases().contains("help"))) {
                all.add(HelpCommand.create(List.copyOf(all), catalog()));
            }
            Map<String, String> owners = new HashMap<>();
            for (Command command : all) {
                found.addAll(command.problems());
                claim(owners, command.name(), "command '" + command.name() + "'", found);
                for (String alias : command.aliases()) {
                    claim(owners, alias, "alias '" + alias + "' of command '" + command.name() + "'", found);
                }
            }
            Map<Platform, Adapter> chosen = new LinkedHashMap<>(adapters);
            List<Adapter> duplicates = new ArrayList<>(duplicateAdapters);
            WebhookServer server = webhookServer;
            if (env != null) {
                try {
                    BotEnvironment environment =
                            BotEnvironment.resolve(env, functionEnv, !adapters.isEmpty(),
                                    webhookServer != null || webhooksHostedByApplication);
                    for (Adapter adapter : environment.adapters()) {
                        if (chosen.putIfAbsent(adapter.platform(), adapter) != null) {
                            duplicates.add(adapter);
                        }
                    }
                    if (server == null && !webhooksHostedByApplication) {
                        server = environment.webhookServer().orElse(null);
                    }
                    if (health == null) {
                        health = healthFromEnv(env, found);
                    }
                    if (health != null && server == null && !webhooksHostedByApplication && !functionEnv) {
                        // Probes alone (a Twitch IRC bot) need the server too, on the same port.
                        server = probeServer(env, found);
                    }
                } catch (ConfigurationException e) {
                    found.addAll(e.problems());
                }
            }
            for (Adapter adapter : duplicates) {
                found.add("two adapters for platform '" + adapter.platform() + "'; use one per platform");
            }
            if (health != null && server == null && !webhooksHostedByApplication && found.isEmpty()) {
                found.add("health probes at " + health.get(0) + " and " + health.get(1) + " are served by the"
                        + " embedded webhook server: give the bot one with webhookServer(...) or set "
                        + BotEnvironment.PORT);
            }
            StateStore chosenState = state;
            boolean ownsState = false;
            if (chosenState == null) {
                // Chosen last, so a store that connects is made only once everything else is read.
                String choice = stateChoice;
                String source = "stateStore(...)";
                if (choice == null && env != null && env.get(StateStores.VARIABLE) != null
                        && !env.get(StateStores.VARIABLE).isBlank()) {
                    choice = env.get(StateStores.VARIABLE);
                    source = StateStores.VARIABLE;
                }
                if (choice != null && found.isEmpty()) {
                    try {
                        chosenState = StateStores.create(choice, source, scheduler);
                        ownsState = true;
                    } catch (ConfigurationException e) {
                        found.addAll(e.problems());
                    }
                } else if (choice != null) {
                    // Other problems stop the build: check the choice without making a store.
                    found.addAll(StateStores.check(choice, source));
                }
            }
            if (!found.isEmpty()) {
                throw new ConfigurationException(found);
            }
            state = chosenState != null ? chosenState : new InMemoryStateStore(scheduler, 100_000);
            return new Bot(this, all, chosen, server, ownsState);
        }

        /** {@code CHORUS_HEALTH_PATHS}: unset or {@code off}, {@code on}, or two paths. */
        private List<String> healthFromEnv(Map<String, String> variables, List<String> found) {
            String value = variables.get(HEALTH);
            if (value == null || value.isBlank() || value.strip().equals("off")) {
                return null;
            }
            if (functionEnv) {
                found.add(HEALTH + " asks for health probes, but a function has no server of its own: the cloud"
                        + " watches the function; unset " + HEALTH);
                return null;
            }
            if (value.strip().equals("on")) {
                return List.of("/healthz", "/readyz");
            }
            String[] paths = value.split(",", -1);
            if (paths.length != 2 || !paths[0].strip().startsWith("/") || !paths[1].strip().startsWith("/")
                    || paths[0].strip().equals(paths[1].strip())) {
                found.add(HEALTH + " must be 'on', 'off' or two different paths such as '/healthz,/readyz', was '"
                        + value + "'");
                return null;
            }
            return List.of(paths[0].strip(), paths[1].strip());
        }

        private static WebhookServer probeServer(Map<String, String> variables, List<String> found) {
            String port = variables.get(BotEnvironment.PORT);
            if (port == null || port.isBlank()) {
                found.add(HEALTH + " asks for health probes, which are served by the embedded webhook server: set "
                        + BotEnvironment.PORT + " to its port");
                return null;
            }
            try {
                return WebhookServer.builder().port(Integer.parseInt(port.strip())).build();
            } catch (RuntimeException e) {
                return null; // a malformed port was reported with the environment's problems
            }
        }

        private static void claim(Map<String, String> owners, String name, String claimant, List<String> found) {
            String owner = owners.putIfAbsent(name, claimant);
            if (owner != null) {
                found.add(owner.equals(claimant)
                        ? "two commands are named '" + name + "': names must be unique"
                        : claimant + " clashes with " + owner + ": names must be unique");
            }
        }

        private List<String> checkPrefixes(String[] values, String where) {
            List<String> list = new ArrayList<>();
            for (String value : values) {
                if (value == null || value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
                    problems.add("command prefix '" + value + "' for " + where
                            + " must be non-empty without white space");
                } else {
                    list.add(value);
                }
            }
            if (values.length == 0) {
                problems.add("at least one command prefix is needed for " + where);
            }
            return List.copyOf(list.isEmpty() ? List.of("!") : list);
        }
    }
}
