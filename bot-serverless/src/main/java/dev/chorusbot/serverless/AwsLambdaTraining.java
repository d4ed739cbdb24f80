package dev.chorusbot.serverless;

import dev.chorusbot.core.Api;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A training run for an AppCDS archive of an AWS Lambda function: creates the {@link
 * AwsLambdaHandler} as the runtime would (the bot of the registered {@link BotFactory}, configured
 * by the environment), hands it one function URL event with a Telegram {@code /help} update (every bot has the
 * automatic {@code help} command, and its answer takes the reply path), and exits. Run under {@code java -XX:ArchiveClassesAtExit=<archive>} with the function jar as the
 * class path, it writes an archive of every class that start-up and a first update load; a
 * function started with {@code -XX:SharedArchiveFile=<archive>} and the same jar first on its
 * class path then maps them instead of loading them. docs/serverless.md gives the one Maven
 * command.
 *
 * <p>The update names no bot ({@code /help}, not {@code /help@name}), so with the secret in
 * {@code TELEGRAM_WEBHOOK_SECRET} the bot answers it without any Bot API call: point {@code
 * TELEGRAM_API_URL} at nothing and no network is touched.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class AwsLambdaTraining {
    private AwsLambdaTraining() {}

    /**
     * Runs the training invocation and prints the answer's status.
     *
     * @param args none
     * @throws IOException when the handler's streams fail
     */
    public static void main(String[] args) throws IOException {
        String secret = System.getenv().getOrDefault("TELEGRAM_WEBHOOK_SECRET", "");
        String update = "{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1700000000,"
                + "\"chat\":{\"id\":1,\"type\":\"private\",\"first_name\":\"Training\"},"
                + "\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"Training\"},\"text\":\"/help\","
                + "\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":5}]}}";
        String event = "{\"version\":\"2.0\",\"rawPath\":\"/\",\"rawQueryString\":\"\",\"headers\":{"
                + "\"content-type\":\"application/json\",\"x-telegram-bot-api-secret-token\":\"" + secret + "\"},"
                + "\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/\"}},"
                + "\"body\":" + quoted(update) + ",\"isBase64Encoded\":false}";
        AwsLambdaHandler handler = new AwsLambdaHandler();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), answer, null);
        String text = answer.toString(StandardCharsets.UTF_8);
        System.out.println("training invocation answered: " + text.substring(0, Math.min(120, text.length())));
        ServerlessBot.shared().stop();
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
