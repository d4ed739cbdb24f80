package dev.chorusbot.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
                case "answerCallbackQuery" -> params.hasNonNull("callback_query_id") ? ok(true)
                        : bad("Bad Request: query is too old and response timeout expired or query ID is invalid");
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
        ObjectNode message = TelegramJson.object();
        message.put("message_id", params.path("message_id").asLong());
        message.set("chat", TelegramJson.chat(chat.get()));
        message.put("date", Instant.now().getEpochSecond());
        message.put("edit_date", Instant.now().getEpochSecond());
        message.put("text", text);
        return ok(message);
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
