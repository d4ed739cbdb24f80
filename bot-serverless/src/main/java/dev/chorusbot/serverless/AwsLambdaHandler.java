package dev.chorusbot.serverless;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.json.JsonTrees;
import dev.chorusbot.serverless.internal.AwsHttpEvents;
import dev.chorusbot.serverless.internal.ScheduledTriggers;
import dev.chorusbot.serverless.internal.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * The AWS Lambda entry point: set the function's handler to {@code
 * dev.chorusbot.serverless.AwsLambdaHandler::handleRequest} and connect a function URL, an API
 * Gateway HTTP API (payload format 2.0 or 1.0) or a REST API (Lambda proxy integration).
 *
 * <p>It reads the event JSON itself (a stream handler starts faster than a typed one, which makes
 * the runtime build a serializer), hands the request to the {@link ServerlessBot} and writes the
 * answer in the event's own format. Bodies flagged {@code isBase64Encoded} are decoded; header
 * names may come in any case.
 *
 * <p>Every send finishes within the invocation's remaining time ({@code
 * Context.getRemainingTimeInMillis()}); an update whose reply would wait longer for the platform's
 * send limits is answered so that the platform delivers it again (see {@link
 * ServerlessBot#handle(dev.chorusbot.core.webhook.WebhookRequest, Duration)}).
 *
 * <p>A scheduled event runs the bot's due jobs ({@link ServerlessBot#runDueJobs()}) and answers
 * {@code {"ranDueJobs": n}}: an EventBridge rule on a schedule ({@code "detail-type": "Scheduled
 * Event"}), or an EventBridge Scheduler schedule whose input is {@code {"chorus": "run-due-jobs"}}.
 *
 * <p>The bot is built and started, and the JSON codec primed, when the runtime creates this
 * handler, which is during the function's initialisation phase, so the first invocation does not
 * pay for it; a configuration problem then fails the initialisation with one clear sentence. With
 * SnapStart, a CRaC {@code beforeCheckpoint} hook primes the codec further before the snapshot.
 */
@Api(Api.Status.STABLE)
public class AwsLambdaHandler implements RequestStreamHandler {
    private final ServerlessBot bot;

    /** The handler the Lambda runtime creates: serves the bot of the registered {@link BotFactory}. */
    public AwsLambdaHandler() {
        this(ServerlessBot.shared());
    }

    /**
     * A handler serving {@code bot}; for tests, or a subclass that wires its bot explicitly. Starts
     * the bot now.
     *
     * @param bot the bot to serve; not null
     * @throws NullPointerException when {@code bot} is null
     * @throws dev.chorusbot.core.ConfigurationException when the bot cannot be built
     */
    public AwsLambdaHandler(ServerlessBot bot) {
        this.bot = ServerlessBot.startedForEntryPoint(bot);
        // With SnapStart, Lambda snapshots the function after this; the hook primes the codec for it.
        SnapStartPriming.registerFor(System.getenv());
    }


    /**
     * Handles one invocation and writes the HTTP answer as JSON.
     *
     * @throws IllegalArgumentException when the event is not JSON, nor an HTTP or scheduled event; Lambda
     *     reports it as the invocation's error
     * @throws IOException when the streams fail
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event;
        try {
            event = JsonTrees.read(input.readAllBytes());
        } catch (StreamConstraintsException e) {
            // A string past Jackson's limit (20 million characters) can only be the body, and that
            // is far past any endpoint's limit: answer as any web server would, not "not JSON". The
            // event's format is unknown here; the 2.0 answer shape is also a valid 1.0 answer.
            WebhookResponse tooLarge = bot.bot().webhookRoutes().tooLarge();
            output.write(JsonTrees.write(AwsHttpEvents.encode(AwsHttpEvents.Format.V2, tooLarge)));
            return;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the Lambda event is not JSON: " + e.getOriginalMessage());
        }
        if (ScheduledTriggers.isAws(event)) {
            int ran = bot.runDueJobs();
            output.write(JsonTrees.write(JsonTrees.object().put("ranDueJobs", ran)));
            return;
        }
        AwsHttpEvents.Decoded decoded;
        try {
            decoded = AwsHttpEvents.decode(event);
        } catch (AwsHttpEvents.NotAnHttpEventException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // An HTTP event whose body cannot be read: the caller gets 400, as from any web server.
            WebhookResponse badRequest = WebhookResponse.text(400, "Bad Request: " + e.getMessage());
            output.write(JsonTrees.write(AwsHttpEvents.encode(AwsHttpEvents.formatOf(event), badRequest)));
            return;
        }
        // Lambda tells the invocation its time left: sends must finish within it.
        WebhookResponse response = context == null
                ? bot.handle(decoded.request())
                : bot.handle(decoded.request(), Duration.ofMillis(context.getRemainingTimeInMillis()));
        output.write(JsonTrees.write(AwsHttpEvents.encode(decoded.format(), response)));
    }
}
