package dev.chorusbot.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.MediaFile;
import dev.chorusbot.json.JsonTrees;
import dev.chorusbot.telegram.TelegramApiException;
import dev.chorusbot.telegram.TelegramNetworkException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Posts Bot API calls as JSON ({@code POST <api>/bot<token>/<method>}) and decodes the envelope
 * {@code {ok, result}} / {@code {ok:false, error_code, description, parameters}}.
 *
 * <p>The token is part of every URL, so no {@code HttpRequest} or URI leaves this class, and every
 * error message from the HTTP client is scrubbed of the token before it is wrapped; the original
 * exception is not kept as a cause because its message may hold the URL.
 */
public final class ApiTransport {
    private final String base; // <api>/bot<token>/ — never logged
    private final String fileBase; // <api>/file/bot<token>/ — never logged
    private final String token;
    private final Duration timeout;
    private final boolean https;
    private volatile HttpClient client;

    /** A transport for the bot with {@code token} at {@code apiUrl}. */
    public ApiTransport(URI apiUrl, String token, Duration timeout) {
        String root = apiUrl.toString();
        this.base = (root.endsWith("/") ? root : root + "/") + "bot" + token + "/";
        this.fileBase = (root.endsWith("/") ? root : root + "/") + "file/bot" + token + "/";
        this.token = token;
        this.timeout = timeout;
        this.https = "https".equals(apiUrl.getScheme());
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    // Built on first call: creating the client and its TLS context costs a few hundred
                    // milliseconds, which a webhook answered inline never needs to pay.
                    HttpClient.Builder builder = HttpClient.newBuilder()
                            .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                            .connectTimeout(timeout);
                    if (!https) {
                        // Without a context and parameters of its own the client sets up the JDK's
                        // default TLS (every signature and cipher algorithm, every CA certificate:
                        // megabytes of heap) although a plain http:// Bot API (a local Bot API server,
                        // a test fake) never does TLS. Redirects are not followed, so no https
                        // connection can come of it; if one did, this context would refuse it.
                        builder.sslContext(PlainHttp.CONTEXT).sslParameters(PlainHttp.parameters());
                    }
                    c = builder.build();
                    client = c;
                }
            }
        }
        return c;
    }

    /** Calls {@code method}; the future yields {@code result} or fails with a Telegram exception. */
    public CompletableFuture<JsonNode> call(String method, ObjectNode params, Duration extraTimeout) {
        return post(method, "application/json", JsonTrees.write(params), extraTimeout);
    }

    /**
     * Calls {@code method} as {@code multipart/form-data}, uploading {@code upload} as the
     * parameter {@code field} (Bot API: "Sending files", the way to post a new file).
     */
    public CompletableFuture<JsonNode> callMultipart(String method, ObjectNode params, String field,
            MediaFile.Upload upload) {
        MultipartBody body = MultipartBody.of(params, field, upload);
        // An upload takes longer than a text: a minute more, enough for 50 MB on a slow uplink.
        return post(method, body.contentType(), body.bytes(), Duration.ofSeconds(60));
    }

    /**
     * Downloads the file at {@code filePath} (from getFile) from {@code <api>/file/bot<token>/},
     * refusing more than {@code maxBytes}: a bigger answer fails without being read to the end.
     */
    public CompletableFuture<byte[]> download(String filePath, long maxBytes) {
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(fileBase + filePath))
                    .timeout(timeout.plus(Duration.ofSeconds(60)))
                    .GET()
                    .build();
            sent = client().sendAsync(request, info -> LimitedBody.subscriber(info, maxBytes));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new TelegramNetworkException("file download", describe(e)));
        }
        return sent.handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof LimitedBody.TooLargeException tooLarge) {
                    throw new CompletionException(tooLarge);
                }
                throw new CompletionException(new TelegramNetworkException("file download", describe(failure)));
            }
            if (response.statusCode() != 200) {
                throw new CompletionException(new TelegramNetworkException("file download",
                        "HTTP " + response.statusCode() + " for the file"));
            }
            return response.body();
        });
    }

    private CompletableFuture<JsonNode> post(String method, String contentType, byte[] body, Duration extraTimeout) {
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            // Inside the try: URI.create names the whole URL, token included, when it refuses a
            // method name; describe() scrubs it and the exception is not kept as a cause.
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + method))
                    .timeout(timeout.plus(extraTimeout))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            sent = client().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new TelegramNetworkException(method, describe(e)));
        }
        return sent.handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(new TelegramNetworkException(method, describe(failure)));
            }
            return decode(method, response.statusCode(), response.body());
        });
    }

    /** Decodes a Bot API answer. */
    static JsonNode decode(String method, int status, byte[] body) {
        JsonNode tree;
        try {
            tree = JsonTrees.read(body);
        } catch (java.io.IOException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject() || !tree.has("ok")) {
            throw new CompletionException(new TelegramNetworkException(method,
                    "HTTP " + status + " without a Bot API answer in the body"));
        }
        if (tree.path("ok").asBoolean(false)) {
            return tree.path("result");
        }
        JsonNode parameters = tree.path("parameters");
        OptionalInt retryAfter = parameters.has("retry_after")
                ? OptionalInt.of(parameters.get("retry_after").asInt()) : OptionalInt.empty();
        Optional<Long> migrate = parameters.has("migrate_to_chat_id")
                ? Optional.of(parameters.get("migrate_to_chat_id").asLong()) : Optional.empty();
        throw new CompletionException(new TelegramApiException(method, tree.path("error_code").asInt(status),
                tree.path("description").asText("(no description)"), retryAfter, migrate));
    }

    private String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return scrub(text);
    }

    /** {@code text} with every occurrence of the token replaced. */
    public String scrub(String text) {
        return text == null ? null : text.replace(token, "<token>");
    }

    @Override
    public String toString() {
        return "ApiTransport[token=<hidden>]";
    }
}
