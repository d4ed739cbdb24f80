package dev.chorusbot.bench.serverless;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The floor for {@link LambdaColdStart}: a stream handler that reads the event and answers a fixed
 * {@code hello Viktor!} webhook reply without JSON parsing or a bot, so a run with {@code
 * --baseline} measures only the JVM and the runtime interface client.
 */
public final class BaselineStreamHandler implements RequestStreamHandler {
    private static final byte[] ANSWER = ("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
            + "\"body\":\"{\\\"method\\\":\\\"sendMessage\\\",\\\"chat_id\\\":42,\\\"text\\\":\\\"hello Viktor!\\\"}\","
            + "\"isBase64Encoded\":false}").getBytes(StandardCharsets.UTF_8);

    /** Called by the runtime. */
    public BaselineStreamHandler() {}

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write(ANSWER);
    }
}
