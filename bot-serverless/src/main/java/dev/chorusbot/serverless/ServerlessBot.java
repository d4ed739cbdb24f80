package dev.chorusbot.serverless;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.PullAdapter;
import dev.chorusbot.core.PushAdapter;
import dev.chorusbot.core.webhook.WebhookHost;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.core.webhook.WebhookRoutes;
import dev.chorusbot.serverless.internal.BotFactoryLoader;
import dev.chorusbot.serverless.internal.Priming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot, built and started once and then reused by every invocation of a cloud function. The
 * entry points ({@link AwsLambdaHandler}, {@link YandexFunctionHandler}, {@link
 * GoogleFunctionHandler}) hand it each request as a {@link WebhookRequest}.
 *
 * <p>Routing is {@link WebhookRoutes#handleAtFunctionUrl}: a request whose path is a push adapter's
 * webhook path (with or without a trailing slash) goes to that adapter; a path that ends with one (a
 * stage prefix such as {@code /prod/telegram}) goes to it as well; any other path goes to the only
 * push adapter when there is exactly one, because a cloud function's URL rarely ends in the
 * adapter's path. With several push adapters an unknown path gets 404.
 *
 * <p>Thread-safe: the bot is built under a lock by the first caller; later callers share it. A
 * failed build is not remembered, so the next invocation tries again and reports the same cause.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class ServerlessBot {
    /** The path whose {@code POST} runs the due jobs, at the end of the function's URL. */
    public static final String JOBS_PATH = "/chorus/jobs";

    private static final Logger log = LoggerFactory.getLogger(ServerlessBot.class);
    private static final Object SHARED_LOCK = new Object();
    private static volatile ServerlessBot shared;

    private final BotFactory factory;
    private final Object lock = new Object();
    private volatile Bot bot;
    private Thread shutdownHook;

    private ServerlessBot(BotFactory factory) {
        this.factory = factory;
    }

    /**
     * The container's bot, from the {@link BotFactory} registered in {@code
     * META-INF/services/dev.chorusbot.serverless.BotFactory} (or named by {@value
     * BotFactory#ENVIRONMENT_VARIABLE}). The same instance for every caller in this class loader.
     *
     * @return the shared instance; its bot is built on the first {@link #bot()} or {@link #handle}
     * @throws ConfigurationException when no factory, or several without a choice, are found
     */
    public static ServerlessBot shared() {
        ServerlessBot current = shared;
        if (current == null) {
            synchronized (SHARED_LOCK) {
                current = shared;
                if (current == null) {
                    current = new ServerlessBot(
                            BotFactoryLoader.load(ServerlessBot.class.getClassLoader(), System::getenv));
                    shared = current;
                }
            }
        }
        return current;
    }

    /**
     * A bot built by {@code factory} on first use; for tests and explicit wiring.
     *
     * @param factory builds the bot on the first {@link #bot()} or {@link #handle}; not null
     * @return a new instance with no bot built yet
     * @throws NullPointerException when {@code factory} is null
     */
    public static ServerlessBot of(BotFactory factory) {
        return new ServerlessBot(Objects.requireNonNull(factory, "factory must not be null"));
    }

    /**
     * The started bot, building and starting it on the first call.
     *
     * @return the started bot; the same one on every call until {@link #stop()}
     * @throws ConfigurationException when the factory reports bad configuration or the bot has no
     *     push adapter
     * @throws IllegalStateException when an adapter fails to start
     */
    public Bot bot() {
        Bot current = bot;
        if (current == null) {
            synchronized (lock) {
                current = bot;
                if (current == null) {
                    current = startBot();
                    bot = current;
                }
            }
        }
        return current;
    }

    /**
     * What an entry point does when its runtime creates it, during the function's initialisation
     * phase: builds and starts the bot and primes the JSON codec, so the first request pays for
     * neither and a configuration problem fails the initialisation.
     *
     * @param bot the entry point's bot
     * @return {@code bot}, started
     * @throws NullPointerException when {@code bot} is null
     */
    static ServerlessBot startedForEntryPoint(ServerlessBot bot) {
        Objects.requireNonNull(bot, "bot must not be null").bot();
        Priming.run();
        return bot;
    }

    /**
     * Handles one webhook request: starts the bot if needed, routes the request and returns the
     * answer once the update was handled and everything it caused was sent.
     *
     * <p>Bad input gets a 4xx answer from the routes or the endpoint. An endpoint that fails with
     * an exception (a bug, not bad input) gets 500, so the platform delivers the update again.
     *
     * @param request the HTTP request as the function received it; its path may carry a stage
     *     prefix or be any path when the bot has a single push adapter
     * @return the answer to send back: the endpoint's own, a 4xx from the routes, or 500
     * @throws ConfigurationException when the bot cannot be built (see {@link #bot()})
     * @throws IllegalStateException when an adapter fails to start
     */
    public WebhookResponse handle(WebhookRequest request) {
        return handle(request, WebhookHost.function());
    }

    /**
     * Handles one webhook request of an invocation that has {@code timeLeft} before the cloud stops
     * it, as {@link #handle(WebhookRequest)} does; every send finishes within that time (less a
     * second to write the answer), and an update whose reply would wait longer for the platform's
     * send limits is answered so that the platform delivers it again (503 for Telegram), with a
     * warning saying why.
     *
     * @param request the HTTP request as the function received it
     * @param timeLeft the time the invocation has left, such as AWS Lambda's {@code
     *     Context.getRemainingTimeInMillis()}
     * @return the answer to send back
     * @throws ConfigurationException when the bot cannot be built (see {@link #bot()})
     * @throws IllegalStateException when an adapter fails to start
     */
    public WebhookResponse handle(WebhookRequest request, Duration timeLeft) {
        return handle(request, WebhookHost.function(Objects.requireNonNull(timeLeft, "timeLeft must not be null")));
    }

    private WebhookResponse handle(WebhookRequest request, WebhookHost host) {
        if (isJobsPath(request.path())) {
            if (!request.method().equalsIgnoreCase("POST")) {
                return WebhookResponse.text(405, "Method Not Allowed: POST to " + JOBS_PATH + " runs the due jobs");
            }
            return WebhookResponse.text(200, "ran " + runDueJobs() + " due jobs");
        }
        WebhookRoutes routes = bot().webhookRoutes();
        try {
            return routes.handleAtFunctionUrl(request, host);
        } catch (RuntimeException e) {
            log.error("Webhook endpoint for {} failed", routes.shown(request.path()), e);
            return WebhookResponse.text(500, "Internal Server Error");
        }
    }

    /**
     * Runs the bot's jobs that are due (see {@link Bot#runDueJobs()}) and waits until they ran and
     * their messages were sent: what a scheduled trigger does, since nothing runs between a
     * function's invocations. The entry points call it for their cloud's scheduler events, and
     * for a {@code POST} to a path ending in {@value #JOBS_PATH} (Google Cloud Scheduler).
     *
     * @return how many jobs ran
     * @throws ConfigurationException when the bot cannot be built (see {@link #bot()})
     */
    public int runDueJobs() {
        long started = System.nanoTime();
        int ran = bot().runDueJobs().toCompletableFuture().join();
        log.info("Ran {} due jobs in {} ms", ran, (System.nanoTime() - started) / 1_000_000);
        return ran;
    }

    private static boolean isJobsPath(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.endsWith(JOBS_PATH);
    }

    /**
     * Stops the bot (if it was started): in-flight events finish, adapters close. A later
     * {@link #handle} starts a new one.
     */
    public void stop() {
        Bot current;
        Thread hook;
        synchronized (lock) {
            current = bot;
            hook = shutdownHook;
            bot = null;
            shutdownHook = null;
        }
        if (current != null) {
            current.stop();
        }
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down and runs the hook itself
            }
        }
    }

    private Bot startBot() {
        long started = System.nanoTime();
        Bot created = factory.create();
        if (created == null) {
            throw new ConfigurationException("BotFactory " + factory.getClass().getName() + " returned null");
        }
        checkAdapters(created);
        // The function is the webhook host: the cloud delivers each request to handle(...).
        created.hostWebhooksInFunction();
        created.start();
        WebhookRoutes routes = created.webhookRoutes();
        List<String> served = new ArrayList<>();
        routes.endpoints().keySet().forEach(path -> served.add(routes.shown(path)));
        // A function's container gets SIGTERM before it is removed (where the cloud sends one):
        // stop gracefully so in-flight events are answered.
        Thread hook = new Thread(created::stop, "chorus-serverless-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        shutdownHook = hook;
        log.info("Bot started for serverless use in {} ms, serving {}",
                (System.nanoTime() - started) / 1_000_000, served);
        return created;
    }

    /**
     * A function runs only while it answers a request: an adapter that reads on its own threads
     * (Twitch IRC, Telegram long polling) would be frozen between invocations, so it is refused. An
     * adapter that only sends may stay beside a push adapter.
     */
    private void checkAdapters(Bot created) {
        List<String> problems = new ArrayList<>();
        boolean push = false;
        for (Adapter adapter : created.adapters().values()) {
            push |= adapter instanceof PushAdapter;
            if (adapter instanceof PullAdapter) {
                problems.add("the " + adapter.platform().id() + " adapter of the bot from " + factory.getClass().getName()
                        + " pulls events on its own threads, which a function freezes between requests: use only push"
                        + " adapters (such as Telegram in webhook mode, TELEGRAM_MODE=webhook) in a function");
            }
        }
        if (problems.isEmpty() && !push) {
            problems.add("the bot from " + factory.getClass().getName()
                    + " has no push adapter (such as Telegram in webhook mode), so the function has nothing to serve");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
