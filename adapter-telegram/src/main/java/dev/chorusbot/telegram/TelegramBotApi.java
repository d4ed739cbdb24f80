package dev.chorusbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.telegram.internal.ApiTransport;
import dev.chorusbot.telegram.internal.Json;
import dev.chorusbot.telegram.internal.UpdateReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
public final class TelegramBotApi {
    private final ApiTransport transport;

    /** A client for the bot and server of {@code config}. */
    public TelegramBotApi(TelegramConfig config) {
        this(config.apiUrl(), config.token(), config.requestTimeout());
    }

    /** A client for the bot with {@code token} at {@code apiUrl}. */
    public TelegramBotApi(URI apiUrl, String token, Duration requestTimeout) {
        this.transport = new ApiTransport(apiUrl, token, requestTimeout);
    }

    /** A new, empty parameter object for {@link #call}. */
    public static ObjectNode params() {
        return Json.object();
    }

    /** Calls any Bot API {@code method} with JSON {@code params}; yields its {@code result}. */
    public CompletableFuture<JsonNode> call(String method, ObjectNode params) {
        return transport.call(method, params, Duration.ZERO);
    }

    /** getMe: the bot's own account. */
    public CompletableFuture<TelegramUser> getMe() {
        return call("getMe", params()).thenApply(UpdateReader::user);
    }

    /**
     * sendMessage with full control of the parameters ({@code chat_id}, {@code text},
     * {@code parse_mode}, {@code message_thread_id}, {@code reply_parameters}, {@code reply_markup}).
     */
    public CompletableFuture<TelegramMessage> sendMessage(ObjectNode params) {
        return call("sendMessage", params).thenApply(UpdateReader::message);
    }

    /** sendMessage of plain {@code text} to {@code chatId}. */
    public CompletableFuture<TelegramMessage> sendMessage(long chatId, String text) {
        return sendMessage(params().put("chat_id", chatId).put("text", text));
    }

    /** editMessageText: replaces the text of a message the bot sent. */
    public CompletableFuture<JsonNode> editMessageText(long chatId, long messageId, String text) {
        return call("editMessageText", params().put("chat_id", chatId).put("message_id", messageId).put("text", text));
    }

    /** answerCallbackQuery: stops the button's progress indicator, optionally showing {@code text}. */
    public CompletableFuture<JsonNode> answerCallbackQuery(String callbackQueryId, Optional<String> text) {
        ObjectNode p = params().put("callback_query_id", callbackQueryId);
        text.ifPresent(t -> p.put("text", t));
        return call("answerCallbackQuery", p);
    }

    /**
     * setWebhook: Telegram will POST updates to {@code url} with {@code secret} in the
     * {@code X-Telegram-Bot-Api-Secret-Token} header.
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

    /** deleteWebhook: back to getUpdates; {@code dropPendingUpdates} discards waiting updates. */
    public CompletableFuture<JsonNode> deleteWebhook(boolean dropPendingUpdates) {
        return call("deleteWebhook", params().put("drop_pending_updates", dropPendingUpdates));
    }

    /** getWebhookInfo: the webhook's URL, pending update count and last error, as Telegram sent them. */
    public CompletableFuture<JsonNode> getWebhookInfo() {
        return call("getWebhookInfo", params());
    }

    /**
     * getUpdates: long-polls for updates from {@code offset} on (confirming every earlier one),
     * waiting up to {@code timeoutSeconds}. Yields the raw {@code Update} objects.
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

    /** setMyCommands: the command menu, as command name to description, in order. */
    public CompletableFuture<JsonNode> setMyCommands(List<Map.Entry<String, String>> commands) {
        ObjectNode p = params();
        ArrayNode list = p.putArray("commands");
        for (Map.Entry<String, String> command : commands) {
            list.addObject().put("command", command.getKey()).put("description", command.getValue());
        }
        return call("setMyCommands", p);
    }

    /** getChatAdministrators: the creator and administrators of a group. */
    public CompletableFuture<List<TelegramChatMember>> getChatAdministrators(long chatId) {
        return call("getChatAdministrators", params().put("chat_id", chatId)).thenApply(result -> {
            List<TelegramChatMember> members = new ArrayList<>();
            result.forEach(m -> members.add(UpdateReader.chatMember(m)));
            return members;
        });
    }

    /** {@code text} with the token replaced by {@code <token>}. */
    public String scrub(String text) {
        return transport.scrub(text);
    }

    @Override
    public String toString() {
        return "TelegramBotApi[token=<hidden>]";
    }
}
