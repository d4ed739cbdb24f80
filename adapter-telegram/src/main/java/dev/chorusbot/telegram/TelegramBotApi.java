package dev.chorusbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.MediaFile;
import dev.chorusbot.json.JsonTrees;
import dev.chorusbot.telegram.internal.ApiTransport;
import dev.chorusbot.telegram.internal.UpdateReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A Telegram Bot API client on the JDK {@code HttpClient}. Each call returns a future that yields
 * the call's {@code result}, or fails with a {@link TelegramApiException} (Telegram said
 * {@code ok: false}) or a {@link TelegramNetworkException}. Unknown fields in answers are ignored.
 * No limits or retries here: the adapter's send queue adds them.
 *
 * <pre>{@code
 * TelegramBotApi api = new TelegramBotApi(config);
 * TelegramUser me = api.getMe().join();
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class TelegramBotApi {
    private final ApiTransport transport;

    /**
     * A client for the bot and server of {@code config}.
     *
     * @param config supplies the API URL, the token and the request timeout; not null
     */
    public TelegramBotApi(TelegramConfig config) {
        this(config.apiUrl(), config.token(), config.requestTimeout());
    }

    /**
     * A client for the bot with {@code token} at {@code apiUrl}.
     *
     * @param apiUrl the Bot API server, such as {@code https://api.telegram.org}
     * @param token the bot token from BotFather; never logged or put in a message
     * @param requestTimeout the connect timeout and the time allowed for each answer
     */
    public TelegramBotApi(URI apiUrl, String token, Duration requestTimeout) {
        this.transport = new ApiTransport(apiUrl, token, requestTimeout);
    }

    /**
     * A new, empty parameter object for {@link #call}.
     *
     * @return an empty JSON object to fill with the method's parameters
     */
    public static ObjectNode params() {
        return JsonTrees.object();
    }

    /**
     * Calls any Bot API {@code method} with JSON {@code params}; yields its {@code result}.
     *
     * @param method the Bot API method name, such as {@code sendPhoto}
     * @param params the method's parameters by their Bot API names; see {@link #params()}
     * @return a future of the {@code result} field of the answer
     */
    public CompletableFuture<JsonNode> call(String method, ObjectNode params) {
        return transport.call(method, params, Duration.ZERO);
    }

    /**
     * getMe: the bot's own account.
     *
     * @return a future of the bot's user
     */
    public CompletableFuture<TelegramUser> getMe() {
        return call("getMe", params()).thenApply(UpdateReader::user);
    }

    /**
     * sendMessage with full control of the parameters ({@code chat_id}, {@code text},
     * {@code parse_mode}, {@code message_thread_id}, {@code reply_parameters}, {@code reply_markup}).
     *
     * @param params the parameters by their Bot API names; needs {@code chat_id} and {@code text}
     * @return a future of the sent message
     */
    public CompletableFuture<TelegramMessage> sendMessage(ObjectNode params) {
        return call("sendMessage", params).thenApply(UpdateReader::message);
    }

    /**
     * sendMessage of plain {@code text} to {@code chatId}.
     *
     * @param chatId the chat to send to (negative for groups and channels)
     * @param text the text, 1 to 4096 characters after entity parsing; sent without parse mode
     * @return a future of the sent message
     */
    public CompletableFuture<TelegramMessage> sendMessage(long chatId, String text) {
        return sendMessage(params().put("chat_id", chatId).put("text", text));
    }

    /**
     * editMessageText: replaces the text of a message the bot sent.
     *
     * @param chatId the chat holding the message
     * @param messageId the id of the message to change
     * @param text the new text, 1 to 4096 characters, sent without parse mode
     * @return a future of the edited {@code Message} as JSON
     */
    public CompletableFuture<JsonNode> editMessageText(long chatId, long messageId, String text) {
        return call("editMessageText", params().put("chat_id", chatId).put("message_id", messageId).put("text", text));
    }

    /**
     * answerCallbackQuery: stops the button's progress indicator, optionally showing {@code text}.
     *
     * @param callbackQueryId the {@code id} of the callback query being answered
     * @param text a notification of 0 to 200 characters shown to the user; empty shows none
     * @return a future of {@code true}
     */
    public CompletableFuture<JsonNode> answerCallbackQuery(String callbackQueryId, Optional<String> text) {
        return answerCallbackQuery(callbackQueryId, text, false);
    }

    /**
     * answerCallbackQuery with a notice that is either a passing notification at the top of the
     * chat or an alert the user must close ({@code show_alert}).
     *
     * @param callbackQueryId the {@code id} of the callback query being answered
     * @param text a notification of 0 to 200 characters shown to the user; empty shows none
     * @param showAlert whether to show it as an alert rather than a notification
     * @return a future of {@code true}
     */
    public CompletableFuture<JsonNode> answerCallbackQuery(String callbackQueryId, Optional<String> text,
            boolean showAlert) {
        ObjectNode p = params().put("callback_query_id", callbackQueryId);
        text.ifPresent(t -> p.put("text", t));
        if (showAlert && text.isPresent()) {
            p.put("show_alert", true);
        }
        return call("answerCallbackQuery", p);
    }

    /**
     * Calls {@code method} as {@code multipart/form-data}, uploading a file as the parameter
     * {@code field} (sendPhoto's {@code photo}, sendDocument's {@code document}).
     *
     * @param method the Bot API method, such as {@code sendPhoto}
     * @param params the other parameters; objects such as {@code reply_markup} are sent as JSON
     * @param field the parameter the file fills
     * @param upload the file's name, content type and bytes
     * @return a future of the {@code result} field of the answer
     */
    public CompletableFuture<JsonNode> callMultipart(String method, ObjectNode params, String field,
            MediaFile.Upload upload) {
        return transport.callMultipart(method, params, field, upload);
    }

    /**
     * getFile: where a file the bot received can be downloaded ({@code file_path}, valid for at
     * least an hour). Telegram serves files of up to 20 MB this way.
     *
     * @param fileId the {@code file_id} of a photo, document or other file
     * @return a future of the file's description
     */
    public CompletableFuture<TelegramFile> getFile(String fileId) {
        return call("getFile", params().put("file_id", fileId)).thenApply(f -> new TelegramFile(
                f.path("file_id").asText(), f.path("file_unique_id").asText(),
                f.hasNonNull("file_size") ? OptionalLong.of(f.get("file_size").asLong()) : OptionalLong.empty(),
                f.hasNonNull("file_path") ? Optional.of(f.get("file_path").asText()) : Optional.empty()));
    }

    /**
     * Downloads a file from {@code <api>/file/bot<token>/<file_path>}.
     *
     * @param filePath the {@code file_path} getFile returned
     * @param maxBytes the most bytes to accept; a bigger file fails the future without being read
     *     past the limit
     * @return a future of the file's bytes
     */
    public CompletableFuture<byte[]> downloadFile(String filePath, long maxBytes) {
        return transport.download(filePath, maxBytes);
    }

    /**
     * setWebhook: Telegram will POST updates to {@code url} with {@code secret} in the
     * {@code X-Telegram-Bot-Api-Secret-Token} header.
     *
     * @param url the HTTPS URL Telegram delivers updates to
     * @param secret 1 to 256 characters of {@code A-Z}, {@code a-z}, {@code 0-9}, {@code _} and
     *     {@code -}; empty sends no header
     * @param allowedUpdates the update kinds to receive, such as {@code message}; always sent, and
     *     an empty list means Telegram's default (every kind but {@code chat_member} and reactions)
     * @return a future of {@code true}
     */
    public CompletableFuture<JsonNode> setWebhook(URI url, Optional<String> secret, List<String> allowedUpdates) {
        ObjectNode p = params().put("url", url.toString());
        secret.ifPresent(s -> p.put("secret_token", s));
        // Always sent: left out, Telegram keeps whatever an earlier call chose; an empty list
        // means its default (every kind but chat_member and the reaction updates).
        ArrayNode kinds = p.putArray("allowed_updates");
        allowedUpdates.forEach(kinds::add);
        return call("setWebhook", p);
    }

    /**
     * deleteWebhook: back to getUpdates; {@code dropPendingUpdates} discards waiting updates.
     *
     * @param dropPendingUpdates whether Telegram discards the updates not delivered yet
     * @return a future of {@code true}
     */
    public CompletableFuture<JsonNode> deleteWebhook(boolean dropPendingUpdates) {
        return call("deleteWebhook", params().put("drop_pending_updates", dropPendingUpdates));
    }

    /**
     * getWebhookInfo: the webhook's URL, pending update count and last error, as Telegram sent
     * them.
     *
     * @return a future of the {@code WebhookInfo} object
     */
    public CompletableFuture<JsonNode> getWebhookInfo() {
        return call("getWebhookInfo", params());
    }

    /**
     * getUpdates: long-polls for updates from {@code offset} on (confirming every earlier one),
     * waiting up to {@code timeoutSeconds}. Yields the raw {@code Update} objects.
     *
     * @param offset the first update id wanted; earlier updates are confirmed and dropped
     * @param timeoutSeconds how long Telegram holds the request open when no update waits; 0 for a
     *     short poll. The request timeout is extended by this much.
     * @param allowedUpdates the update kinds to receive; always sent, and an empty list means
     *     Telegram's default (every kind but {@code chat_member} and reactions)
     * @return a future of at most 100 updates, oldest first; empty when none arrived in time
     */
    public CompletableFuture<List<JsonNode>> getUpdates(long offset, int timeoutSeconds, List<String> allowedUpdates) {
        ObjectNode p = params().put("offset", offset).put("timeout", timeoutSeconds).put("limit", 100);
        ArrayNode kinds = p.putArray("allowed_updates"); // always sent, as for setWebhook
        allowedUpdates.forEach(kinds::add);
        return transport.call("getUpdates", p, Duration.ofSeconds(timeoutSeconds)).thenApply(result -> {
            List<JsonNode> updates = new ArrayList<>();
            result.forEach(updates::add);
            return updates;
        });
    }

    /**
     * setMyCommands: the command menu, as command name to description, in order.
     *
     * @param commands command name (1 to 32 of {@code a-z}, {@code 0-9}, {@code _}, no {@code /})
     *     to description (1 to 256 characters), in menu order; at most 100
     * @return a future of {@code true}
     */
    public CompletableFuture<JsonNode> setMyCommands(List<Map.Entry<String, String>> commands) {
        return setMyCommands(commands, Optional.empty());
    }

    /**
     * setMyCommands for the users of one language: Telegram shows them this menu, and the menu
     * without a language to everyone else.
     *
     * @param commands command name to description, in menu order; at most 100
     * @param languageCode a two-letter ISO 639-1 code such as {@code de}; empty for every language
     *     without a menu of its own
     * @return a future of {@code true}
     */
    public CompletableFuture<JsonNode> setMyCommands(List<Map.Entry<String, String>> commands,
            Optional<String> languageCode) {
        ObjectNode p = params();
        languageCode.ifPresent(code -> p.put("language_code", code));
        ArrayNode list = p.putArray("commands");
        for (Map.Entry<String, String> command : commands) {
            list.addObject().put("command", command.getKey()).put("description", command.getValue());
        }
        return call("setMyCommands", p);
    }

    /**
     * getChatAdministrators: the creator and administrators of a group.
     *
     * @param chatId the group, supergroup or channel
     * @return a future of the chat's creator and administrators (Telegram leaves out other bots)
     */
    public CompletableFuture<List<TelegramChatMember>> getChatAdministrators(long chatId) {
        return call("getChatAdministrators", params().put("chat_id", chatId)).thenApply(result -> {
            List<TelegramChatMember> members = new ArrayList<>();
            result.forEach(m -> members.add(UpdateReader.chatMember(m)));
            return members;
        });
    }

    /**
     * {@code text} with the token replaced by {@code <token>}.
     *
     * @param text any text, such as an error message that may contain the request URL; may be null
     * @return the scrubbed text; null when {@code text} is null
     */
    public String scrub(String text) {
        return transport.scrub(text);
    }

    @Override
    public String toString() {
        return "TelegramBotApi[token=<hidden>]";
    }
}
