package dev.chorusbot.serverless;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.core.webhook.WebhookRoutes;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Google Cloud Functions (and Cloud Run functions) entry point: deploy with {@code
 * --entry-point=dev.chorusbot.serverless.GoogleFunctionHandler} and an HTTP trigger. The Functions
 * Framework hands each request over as an {@link HttpRequest}; the answer is written to the
 * {@link HttpResponse}.
 *
 * <p>At most one byte over the bot's body limit (1 MiB by default) is read, so a huge body never
 * fills the memory; a longer body is answered 413. (Google's front end has already received the
 * whole request, so refusing by {@code Content-Length} before reading would save nothing, and the
 * server would have to reset a connection whose body it left unread.)
 *
 * <p>When the answer cannot be written (the caller is gone), its {@link
 * WebhookResponse#undelivered fallback} runs and is waited for (up to 10 seconds) before the
 * write's failure is rethrown: a reply that travelled in the answer is sent through the API instead.
 *
 * <p>Cloud Scheduler runs the bot's due jobs with a {@code POST} to the function's URL followed by
 * {@value ServerlessBot#JOBS_PATH} ({@link ServerlessBot#runDueJobs()}).
 *
 * <p>The bot is built and started when the framework creates this function; see {@link
 * ServerlessBot}.
 */
@Api(Api.Status.STABLE)
public class GoogleFunctionHandler implements HttpFunction {
    /** How long a failed answer's fallback (its reply sent through the API) is waited for. */
    private static final Duration FALLBACK_WAIT = Duration.ofSeconds(10);
    private final ServerlessBot bot;

    /** The function the framework creates: serves the bot of the registered {@link BotFactory}. */
    public GoogleFunctionHandler() {
        this(ServerlessBot.shared());
    }

    /**
     * A function serving {@code bot}; for tests, or a subclass that wires its bot explicitly. Starts
     * the bot now.
     *
     * @param bot the bot to serve; not null
     * @throws NullPointerException when {@code bot} is null
     * @throws dev.chorusbot.core.ConfigurationException when the bot cannot be built
     */
    public GoogleFunctionHandler(ServerlessBot bot) {
        this.bot = ServerlessBot.startedForEntryPoint(bot);
    }

    /** Handles one request. */
    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        WebhookRoutes routes = bot.bot().webhookRoutes();
        byte[] body = request.getInputStream().readNBytes(routes.maxBodyBytes() + 1);
        WebhookResponse answer = bot.handle(new WebhookRequest(request.getMethod(), request.getPath(),
                request.getHeaders(), body));
        try {
            write(response, answer);
        } catch (IOException e) {
            // The caller is gone, so a reply carried in the answer would be lost: the endpoint sends
            // it another way, and the function waits for that, because it may be frozen once it returns.
            try {
                answer.undelivered(e).get(FALLBACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException ignored) {
                // the endpoint reports what it gave up
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    private static void write(HttpResponse response, WebhookResponse answer) throws IOException {
        response.setStatusCode(answer.status());
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                response.setContentType(header.getValue());
            } else {
                response.appendHeader(header.getKey(), header.getValue());
            }
        }
        if (answer.body().length > 0) {
            OutputStream out = response.getOutputStream();
            out.write(answer.body());
            out.flush();
        }
    }
}
