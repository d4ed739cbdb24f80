package dev.chorusbot.serverless.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.json.JsonTrees;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Runs the AWS event codec once on a sample event, without the bot, so that loading Jackson's
 * streaming core and tree classes happens when an entry point is created — in the function's initialisation
 * phase, which Lambda runs with a full CPU and SnapStart snapshots — rather than in the first
 * invocation. Measured under the AWS runtime interface client: the first invocation fell from
 * ~145 ms to ~21 ms (docs/performance.md). The classes it loads serve the Telegram adapter's
 * update parsing on every cloud.
 */
public final class Priming {
    private static final String SAMPLE_EVENT = "{\"version\":\"2.0\",\"rawPath\":\"/\","
            + "\"headers\":{\"content-type\":\"application/json\"},"
            + "\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/\"}},"
            + "\"body\":\"{\\\"update_id\\\":1,\\\"message\\\":{\\\"text\\\":\\\"/start\\\"}}\","
            + "\"isBase64Encoded\":false}";

    private Priming() {}

    /** Decodes and answers the sample event; touches no bot and no network. */
    public static void run() {
        try {
            JsonNode sample = JsonTrees.read(SAMPLE_EVENT.getBytes(StandardCharsets.UTF_8));
            AwsHttpEvents.Decoded decoded = AwsHttpEvents.decode(sample);
            JsonNode update = JsonTrees.read(decoded.request().body());
            OutputStream.nullOutputStream().write(JsonTrees.write(AwsHttpEvents.encode(decoded.format(),
                    WebhookResponse.json(JsonTrees.write(update)))));
        } catch (IOException e) {
            throw new UncheckedIOException("priming the event codec failed", e);
        }
    }
}
