package dev.chorusbot.serverless;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.serverless.internal.ScheduledTriggers;
import dev.chorusbot.serverless.internal.YandexHttpEvents;
import java.util.Map;
import java.util.function.Function;

/**
 * The Yandex Cloud Functions entry point: create a {@code java17} function version with entry
 * point {@code dev.chorusbot.serverless.YandexFunctionHandler} and call it over HTTPS (its URL, or
 * an API Gateway route). The runtime hands the HTTP request as a map ({@code httpMethod}, {@code
 * headers}, {@code multiValueHeaders}, {@code body}, {@code isBase64Encoded}) and turns the
 * returned map ({@code statusCode}, {@code headers}, {@code body}, {@code isBase64Encoded}) into
 * the HTTP answer. Plain {@link Function}: no Yandex SDK is needed.
 *
 * <p>A timer trigger's invocation ({@code messages} of type {@code
 * yandex.cloud.events.serverless.triggers.TimerMessage}) runs the bot's due jobs ({@link
 * ServerlessBot#runDueJobs()}).
 *
 * <p>The bot is built and started when the runtime creates this handler; see {@link
 * ServerlessBot}.
 */
@Api(Api.Status.STABLE)
public class YandexFunctionHandler implements Function<Map<String, Object>, Map<String, Object>> {
    private final ServerlessBot bot;

    /** The handler the runtime creates: serves the bot of the registered {@link BotFactory}. */
    public YandexFunctionHandler() {
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
    public YandexFunctionHandler(ServerlessBot bot) {
        this.bot = ServerlessBot.startedForEntryPoint(bot);
    }

    /**
     * Handles one HTTP invocation, or a timer trigger's.
     *
     * @throws IllegalArgumentException when the invocation is neither an HTTP call nor a timer's; the runtime reports
     *     it as the invocation's error
     */
    @Override
    public Map<String, Object> apply(Map<String, Object> event) {
        if (ScheduledTriggers.isYandex(event)) {
            int ran = bot.runDueJobs();
            return YandexHttpEvents.encode(WebhookResponse.text(200, "ran " + ran + " due jobs"));
        }
        WebhookRequest request;
        try {
            request = YandexHttpEvents.decode(event);
        } catch (YandexHttpEvents.NotAnHttpInvocationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            return YandexHttpEvents.encode(WebhookResponse.text(400, "Bad Request: " + e.getMessage()));
        }
        return YandexHttpEvents.encode(bot.handle(request));
    }
}
