package dev.chorusbot.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Bot API methods the fake implements, with Telegram's checks and error descriptions. Each
 * call is recorded with the status it was answered with.
 */
final class BotApiMethods {
    static final String WEBHOOK_CONFLICT =
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
    static final String POLLING_CONFLICT =
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

    /** An HTTP status and the JSON body that goes with it. */
    record Answer(int status, ObjectNode body) {}

    private final TelegramWorld world;
    private final ApiRecorder recorder;

    BotApiMethods(TelegramWorld world, ApiRecorder recorder) {
        this.world = world;
        this.recorder = recorder;
    }

    /**
     * Runs {@code method}; {@code json} is the call's parameters as recorded.
     */
    Answer execute(String method, ObjectNode params, String json, boolean viaWebhook) {
        return execute(method, params, json, viaWebhook, Map.of());
    }

    /** Runs {@code method} with the files uploaded as {@code multipart/form-data} parts. */
    Answer execute(String method, ObjectNode params, String json, boolean viaWebhook,
            Map<String, MultipartForm.Part> uploads) {
        if (method.equals("getUpdates")) {
            return getUpdates(params, json); // recorded when it ends: it may wait
        }
        Answer answer;
        try {
            answer = switch (method) {
                case "getMe" -> ok(TelegramJson.user(world.bot()).put("can_join_groups", true)
                        .put("can_read_all_group_messages", false).put("supports_inline_queries", false));
                case "sendMessage" -> sendMessage(params, viaWebhook);
                case "editMessageText" -> editMessageText(params);
                case "editMessageReplyMarkup" -> editMessageReplyMarkup(params);
                case "sendPhoto" -> sendMedia("sendPhoto", "photo", params, uploads);
                case "sendDocument" -> sendMedia("sendDocument", "document", params, uploads);
                case "getFile" -> getFile(params);
                case "answerCallbackQuery" -> answerCallbackQuery(params);
                case "setWebhook" -> setWebhook(params);
                case "deleteWebhook" -> deleteWebhook(params);
                case "getWebhookInfo" -> webhookInfo();
                case "setMyCommands" -> setMyCommands(params);
                case "getMyCommands" -> ok(myCommands(params.path("language_code").asText("")));
                case "getChatAdministrators" -> chatAdministrators(params);
                default -> new Answer(404, TelegramJson.error(404, "Not Found", 0, null));
            };
        } catch (RuntimeException e) {
            answer = bad("Bad Request: " + e.getMessage());
        }
        recorder.call(method, json, viaWebhook, answer.status());
        return answer;
    }

    private Answer sendMessage(ObjectNode params, boolean viaWebhook) {
        long chatId = chatId(params);
        String text = params.path("text").asText("");
        synchronized (world.lock) {
            Optional<Long> migrated = world.migratedTo(chatId);
            if (migrated.isPresent()) {
                return new Answer(400, TelegramJson.error(400,
                        "Bad Request: group chat was upgraded to a supergroup chat", 0, migrated.get()));
            }
            Optional<FakeChat> chat = world.chat(chatId);
            if (chat.isEmpty()) {
                return bad("Bad Request: chat not found");
            }
            if (world.blocked(chatId)) {
                return new Answer(403, TelegramJson.error(403, "Forbidden: bot was blocked by the user", 0, null));
            }
            if (text.isBlank()) {
                return bad("Bad Request: message text is empty");
            }
            if (text.length() > 4096) { // UTF-16 code units, as Telegram counts
                return bad("Bad Request: message is too long");
            }
            List<List<InlineButton>> buttons = new ArrayList<>();
            for (JsonNode row : params.path("reply_markup").path("inline_keyboard")) {
                List<InlineButton> typed = new ArrayList<>();
                for (JsonNode button : row) {
                    String data = button.path("callback_data").asText("");
                    if (button.has("callback_data")
                            && (data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 64)) {
                        return bad("Bad Request: BUTTON_DATA_INVALID");
                    }
                    typed.add(new InlineButton(button.path("text").asText(""), optionalText(button, "callback_data"),
                            optionalText(button, "url")));
                }
                buttons.add(List.copyOf(typed));
            }
            long id = world.nextMessageId();
            Optional<Long> thread = params.hasNonNull("message_thread_id")
                    ? Optional.of(params.get("message_thread_id").asLong()) : Optional.empty();
            Optional<Long> replyTo = params.path("reply_parameters").hasNonNull("message_id")
                    ? Optional.of(params.path("reply_parameters").get("message_id").asLong()) : Optional.empty();
            recorder.sent(new SentMessage(id, chatId, thread, text, optionalText(params, "parse_mode"), replyTo,
                    List.copyOf(buttons), viaWebhook));
            world.botMessage(id, new TelegramWorld.BotMessage(chatId, text, params.path("reply_markup").toString()));
            ObjectNode message = TelegramJson.object();
            message.put("message_id", id);
            thread.ifPresent(t -> message.put("message_thread_id", t));
            message.set("from", TelegramJson.user(world.bot()));
            message.set("chat", TelegramJson.chat(chat.get()));
            message.put("date", Instant.now().getEpochSecond());
            message.put("text", text);
            return ok(message);
        }
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    private Answer answerCallbackQuery(ObjectNode params) {
        if (!params.hasNonNull("callback_query_id")) {
            return bad("Bad Request: query is too old and response timeout expired or query ID is invalid");
        }
        if (params.path("text").asText("").length() > 200) { // Bot API: 0-200 characters
            return bad("Bad Request: MESSAGE_TOO_LONG");
        }
        return ok(true);
    }

    private Answer editMessageText(ObjectNode params) {
        long chatId = chatId(params);
        Optional<FakeChat> chat = world.chat(chatId);
        if (chat.isEmpty()) {
            return bad("Bad Request: chat not found");
        }
        String text = params.path("text").asText("");
        if (text.isBlank()) {
            return bad("Bad Request: message text is empty");
        }
        if (text.length() > 4096) {
            return bad("Bad Request: MESSAGE_TOO_LONG");
        }
        long messageId = params.path("message_id").asLong();
        String markup = params.path("reply_markup").toString();
        Optional<TelegramWorld.BotMessage> known = world.botMessage(messageId);
        if (known.isPresent()) {
            if (known.get().chatId() != chatId) {
                return bad("Bad Request: message to edit not found");
            }
            if (known.get().text().equals(text) && known.get().markup().equals(markup)) {
                return bad(NOT_MODIFIED);
            }
            world.botMessage(messageId, new TelegramWorld.BotMessage(chatId, text, markup));
        }
        // A message the fake never saw (a test pressing a button on an invented message) is edited as given.
        ObjectNode message = TelegramJson.object();
        message.put("message_id", messageId);
        message.set("chat", TelegramJson.chat(chat.get()));
        message.put("date", Instant.now().getEpochSecond());
        message.put("edit_date", Instant.now().getEpochSecond());
        message.put("text", text);
        if (params.has("reply_markup")) {
            message.set("reply_markup", params.get("reply_markup"));
        }
        return ok(message);
    }

    static final String NOT_MODIFIED = "Bad Request: message is not modified: specified new message content and"
            + " reply markup are exactly the same as a current content and reply markup of the message";

    private Answer editMessageReplyMarkup(ObjectNode params) {
        long chatId = chatId(params);
        Optional<FakeChat> chat = world.chat(chatId);
        if (chat.isEmpty()) {
            return bad("Bad Request: chat not found");
        }
        long messageId = params.path("message_id").asLong();
        String markup = params.path("reply_markup").toString();
        Optional<TelegramWorld.BotMessage> known = world.botMessage(messageId);
        String text = "";
        if (known.isPresent()) {
            if (known.get().chatId() != chatId) {
                return bad("Bad Request: message to edit not found");
            }
            if (known.get().markup().equals(markup)) {
                return bad(NOT_MODIFIED);
            }
            text = known.get().text();
            world.botMessage(messageId, new TelegramWorld.BotMessage(chatId, text, markup));
        }
        ObjectNode message = TelegramJson.object();
        message.put("message_id", messageId);
        message.set("chat", TelegramJson.chat(chat.get()));
        message.put("date", Instant.now().getEpochSecond());
        message.put("edit_date", Instant.now().getEpochSecond());
        if (!text.isEmpty()) {
            message.put("text", text);
        }
        if (params.has("reply_markup")) {
            message.set("reply_markup", params.get("reply_markup"));
        }
        return ok(message);
    }

    /** Bot API, sendPhoto/sendDocument: a file by upload, file id or HTTP URL, with a caption of 0-1024 characters. */
    private Answer sendMedia(String method, String field, ObjectNode params, Map<String, MultipartForm.Part> uploads) {
        long chatId = chatId(params);
        synchronized (world.lock) {
            Optional<Long> migrated = world.migratedTo(chatId);
            if (migrated.isPresent()) {
                return new Answer(400, TelegramJson.error(400,
                        "Bad Request: group chat was upgraded to a supergroup chat", 0, migrated.get()));
            }
            Optional<FakeChat> chat = world.chat(chatId);
            if (chat.isEmpty()) {
                return bad("Bad Request: chat not found");
            }
            if (world.blocked(chatId)) {
                return new Answer(403, TelegramJson.error(403, "Forbidden: bot was blocked by the user", 0, null));
            }
            String caption = params.path("caption").asText("");
            if (caption.length() > 1024) {
                return bad("Bad Request: message caption is too long");
            }
            boolean photo = field.equals("photo");
            Optional<FakeFile> uploaded = Optional.empty();
            Optional<String> reference = Optional.empty();
            FakeFile file;
            MultipartForm.Part part = uploads.get(field);
            String named = params.path(field).asText("");
            if (part == null && named.startsWith("attach://")) {
                part = uploads.get(named.substring("attach://".length()));
            }
            if (part != null) {
                if (part.bytes().length == 0) {
                    return bad("Bad Request: file must be non-empty");
                }
                // Telegram's limits for uploads: photos 10 MB, other files 50 MB.
                if (part.bytes().length > (photo ? 10L : 50L) * 1024 * 1024) {
                    return new Answer(413, TelegramJson.error(413, "Request Entity Too Large", 0, null));
                }
                if (photo && imageSize(part.bytes()) == null) {
                    return bad("Bad Request: IMAGE_PROCESS_FAILED");
                }
                file = world.addFile(Optional.of(part.fileName()), part.contentType(), part.bytes(),
                        photo ? "photos" : "documents");
                uploaded = Optional.of(file);
            } else if (named.isEmpty()) {
                return bad("Bad Request: there is no " + field + " in the request");
            } else if (named.startsWith("http://") || named.startsWith("https://")) {
                // Telegram fetches the URL itself; the fake cannot reach the web, so it keeps the URL as the file.
                file = world.addFile(Optional.empty(), photo ? "image/jpeg" : "application/octet-stream",
                        named.getBytes(StandardCharsets.UTF_8), photo ? "photos" : "documents");
                reference = Optional.of(named);
            } else {
                Optional<FakeFile> known = world.file(named);
                if (known.isEmpty()) {
                    return bad("Bad Request: wrong file identifier/HTTP URL specified");
                }
                file = known.get();
                reference = Optional.of(named);
            }
            List<List<InlineButton>> buttons = new ArrayList<>();
            Answer refused = buttons(params, buttons);
            if (refused != null) {
                return refused;
            }
            long id = world.nextMessageId();
            world.botMessage(id, new TelegramWorld.BotMessage(chatId, "", params.path("reply_markup").toString()));
            recorder.media(new SentMedia(id, chatId, method, caption, uploaded, reference, List.copyOf(buttons)));
            ObjectNode message = TelegramJson.object();
            message.put("message_id", id);
            message.set("from", TelegramJson.user(world.bot()));
            message.set("chat", TelegramJson.chat(chat.get()));
            message.put("date", Instant.now().getEpochSecond());
            if (photo) {
                int[] size = part != null ? imageSize(part.bytes()) : new int[] {320, 320};
                ObjectNode photoSize = message.putArray("photo").addObject();
                photoSize.put("file_id", file.fileId()).put("file_unique_id", file.fileUniqueId())
                        .put("file_size", file.bytes().length).put("width", size[0]).put("height", size[1]);
            } else {
                ObjectNode document = message.putObject("document");
                document.put("file_id", file.fileId()).put("file_unique_id", file.fileUniqueId())
                        .put("file_size", file.bytes().length).put("mime_type", file.mimeType());
                file.fileName().ifPresent(n -> document.put("file_name", n));
            }
            if (!caption.isEmpty()) {
                message.put("caption", caption);
            }
            return ok(message);
        }
    }

    /** Width and height of a PNG (its IHDR chunk) or a JPEG (its first SOF marker); null when neither. */
    static int[] imageSize(byte[] b) {
        if (b.length >= 24 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return new int[] {int32(b, 16), int32(b, 20)};
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            int i = 2;
            while (i + 9 < b.length && (b[i] & 0xFF) == 0xFF) {
                int marker = b[i + 1] & 0xFF;
                int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
                if (marker >= 0xC0 && marker <= 0xC3) {
                    return new int[] {((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF), ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF)};
                }
                i += 2 + length;
            }
        }
        return null;
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private Answer getFile(ObjectNode params) {
        Optional<FakeFile> file = world.file(params.path("file_id").asText(""));
        if (file.isEmpty()) {
            return bad("Bad Request: invalid file_id");
        }
        ObjectNode result = TelegramJson.object();
        result.put("file_id", file.get().fileId());
        result.put("file_unique_id", file.get().fileUniqueId());
        result.put("file_size", file.get().bytes().length);
        // Bot API: files of up to 20 MB can be downloaded; a bigger one has no file_path.
        if (file.get().bytes().length <= 20L * 1024 * 1024) {
            result.put("file_path", file.get().filePath());
            return ok(result);
        }
        return bad("Bad Request: file is too big");
    }

    /** Reads the inline keyboard of {@code params} into {@code rows}; an answer when Telegram would refuse it. */
    private Answer buttons(ObjectNode params, List<List<InlineButton>> rows) {
        for (JsonNode row : params.path("reply_markup").path("inline_keyboard")) {
            List<InlineButton> typed = new ArrayList<>();
            for (JsonNode button : row) {
                String data = button.path("callback_data").asText("");
                if (button.has("callback_data")
                        && (data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 64)) {
                    return bad("Bad Request: BUTTON_DATA_INVALID");
                }
                typed.add(new InlineButton(button.path("text").asText(""), optionalText(button, "callback_data"),
                        optionalText(button, "url")));
            }
            rows.add(List.copyOf(typed));
        }
        return null;
    }

    private Answer setWebhook(ObjectNode params) {
        String url = params.path("url").asText("");
        if (!url.isEmpty() && !url.startsWith("https://")) {
            return bad("Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }
        world.webhook(url, optionalText(params, "secret_token"));
        return ok(true);
    }

    private Answer deleteWebhook(ObjectNode params) {
        synchronized (world.lock) {
            world.webhook("", Optional.empty());
            if (params.path("drop_pending_updates").asBoolean(false)) {
                world.updates.clear();
            }
        }
        return ok(true);
    }

    private Answer webhookInfo() {
        ObjectNode info = TelegramJson.object();
        info.put("url", world.webhookUrl());
        info.put("has_custom_certificate", false);
        info.put("pending_update_count", world.pendingUpdates());
        return ok(info);
    }

    private Answer setMyCommands(ObjectNode params) {
        JsonNode list = params.path("commands");
        if (!list.isArray()) {
            return bad("Bad Request: can't parse commands JSON object");
        }
        for (JsonNode command : list) {
            if (!command.path("command").asText("").matches("[a-z0-9_]{1,32}")) {
                return bad("Bad Request: BOT_COMMAND_INVALID");
            }
            String description = command.path("description").asText("");
            if (description.isEmpty() || description.length() > 256) {
                return bad("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
            }
        }
        world.commands(list, params.path("language_code").asText(""));
        return ok(true);
    }

    private ArrayNode myCommands(String languageCode) {
        ArrayNode list = TelegramJson.MAPPER.createArrayNode();
        for (MenuCommand c : world.commands(languageCode)) {
            list.addObject().put("command", c.command()).put("description", c.description());
        }
        return list;
    }

    private Answer chatAdministrators(ObjectNode params) {
        long chatId = chatId(params);
        Optional<FakeChat> chat = world.chat(chatId);
        if (chat.isEmpty()) {
            return bad("Bad Request: chat not found");
        }
        if (chat.get().type().equals("private")) {
            return bad("Bad Request: there are no administrators in the private chat");
        }
        ArrayNode list = TelegramJson.MAPPER.createArrayNode();
        world.administrators(chatId).forEach(list::add);
        return ok(list);
    }

    private Answer getUpdates(ObjectNode params, String json) {
        long offset = params.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
        long timeout = Math.max(0, params.path("timeout").asLong(0));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        Object lock = world.lock;
        Answer answer;
        synchronized (lock) {
            long generation = ++world.pollGeneration;
            lock.notifyAll(); // an earlier getUpdates still waiting is terminated by this one
            while (true) {
                if (!world.webhookUrl().isEmpty()) {
                    answer = new Answer(409, TelegramJson.error(409, WEBHOOK_CONFLICT, 0, null));
                    break;
                }
                if (generation != world.pollGeneration) {
                    answer = new Answer(409, TelegramJson.error(409, POLLING_CONFLICT, 0, null));
                    break;
                }
                if (offset > 0) {
                    while (!world.updates.isEmpty() && world.updates.peekFirst().id() < offset) {
                        world.updates.pollFirst(); // confirmed: "all previous updates will be forgotten"
                    }
                }
                if (!world.updates.isEmpty() || System.nanoTime() >= deadline) {
                    ArrayNode result = TelegramJson.MAPPER.createArrayNode();
                    for (FakeUpdate update : world.updates) {
                        if (result.size() >= limit) {
                            break;
                        }
                        result.add(TelegramJson.readOrFail(update.json(), "the update"));
                    }
                    answer = ok(result);
                    break;
                }
                world.waitingPolls++;
                lock.notifyAll();
                try {
                    lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answer = ok(TelegramJson.MAPPER.createArrayNode());
                    break;
                } finally {
                    world.waitingPolls--;
                }
            }
            recorder.call("getUpdates", json, false, answer.status());
        }
        return answer;
    }

    private static long chatId(ObjectNode params) {
        JsonNode id = params.get("chat_id");
        if (id == null || id.asText().isEmpty()) {
            throw new IllegalArgumentException("chat_id is empty");
        }
        if (id.isNumber()) {
            return id.asLong();
        }
        try {
            return Long.parseLong(id.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chat not found");
        }
    }

    private static Answer ok(boolean result) {
        ObjectNode body = TelegramJson.object();
        body.put("ok", true);
        body.put("result", result);
        return new Answer(200, body);
    }

    private static Answer ok(JsonNode result) {
        ObjectNode body = TelegramJson.object();
        body.put("ok", true);
        body.set("result", result);
        return new Answer(200, body);
    }

    private static Answer bad(String description) {
        return new Answer(400, TelegramJson.error(400, description, 0, null));
    }
}
