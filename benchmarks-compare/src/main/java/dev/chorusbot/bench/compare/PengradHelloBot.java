package dev.chorusbot.bench.compare;

import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.model.Chat;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.MessageEntity;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.User;
import com.pengrad.telegrambot.model.request.ReplyParameters;
import com.pengrad.telegrambot.request.GetMe;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.request.SetWebhook;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.GetMeResponse;
import com.pengrad.telegrambot.utility.BotUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The hello bot written with pengrad's java-telegram-bot-api 9.3.0. That library has a Bot API
 * client and a webhook-answer helper ({@code BaseRequest.toWebhookResponse()}) but no server, so
 * the bot is what its README shows a webhook user writing: at start {@code getMe} (for the username,
 * unless {@code TELEGRAM_BOT_USERNAME} is given) and {@code setWebhook} (when
 * {@code TELEGRAM_WEBHOOK_URL} is set), then the JDK's {@code HttpServer} on
 * {@code TELEGRAM_WEBHOOK_PORT}, whose handler parses each update with {@code BotUtils.parseUpdate}
 * and answers {@code /hello} inline with the {@code sendMessage} Chorus's bench bot sends: same chat
 * and topic, quoting the command in groups.
 *
 * <p>It checks {@code X-Telegram-Bot-Api-Secret-Token} when {@code TELEGRAM_WEBHOOK_SECRET} is set,
 * as Chorus does, and runs its handler on a pool of as many threads as the machine has cores.
 */
public final class PengradHelloBot {
    private final String username;
    private final String secret;

    private PengradHelloBot(String username, String secret) {
        this.username = username;
        this.secret = secret;
    }

    /** Runs until the process is stopped. */
    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        String token = required(env, "TELEGRAM_BOT_TOKEN");
        int port = Integer.parseInt(required(env, "TELEGRAM_WEBHOOK_PORT"));
        String path = env.getOrDefault("TELEGRAM_WEBHOOK_PATH", "/telegram");
        String api = env.getOrDefault("TELEGRAM_API_URL", "https://api.telegram.org");
        String webhookUrl = env.get("TELEGRAM_WEBHOOK_URL");
        String secret = env.get("TELEGRAM_WEBHOOK_SECRET");

        TelegramBot client = new TelegramBot.Builder(token).apiUrl(api + "/bot").build();
        String username = env.get("TELEGRAM_BOT_USERNAME");
        if (username == null || username.isBlank()) {
            GetMeResponse me = client.execute(new GetMe());
            if (!me.isOk()) {
                throw new IllegalStateException("getMe failed: " + me.errorCode() + " " + me.description());
            }
            username = me.user().username();
        }
        if (webhookUrl != null) {
            SetWebhook call = new SetWebhook().url(webhookUrl);
            if (secret != null) {
                call.secretToken(secret);
            }
            BaseResponse set = client.execute(call);
            if (!set.isOk()) {
                throw new IllegalStateException("setWebhook failed: " + set.errorCode() + " " + set.description());
            }
        }
        PengradHelloBot bot = new PengradHelloBot(username, secret);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.createContext(path, bot::handle);
        server.setExecutor(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "pengrad-stop"));
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (secret != null && !secret.equals(exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String answer = answer(BotUtils.parseUpdate(new String(body, StandardCharsets.UTF_8)));
            if (answer == null) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The hello command's inline answer as JSON; null for anything else. */
    private String answer(Update update) {
        Message message = update.message();
        if (message == null || message.text() == null || !"hello".equals(command(message))) {
            return null;
        }
        User from = message.from();
        String name = from.lastName() == null ? from.firstName() : from.firstName() + " " + from.lastName();
        SendMessage reply = new SendMessage(message.chat().id(), "hello " + name + "!");
        if (Boolean.TRUE.equals(message.isTopicMessage()) && message.messageThreadId() != null) {
            reply.messageThreadId(message.messageThreadId());
        }
        if (message.chat().type() != Chat.Type.Private) {
            reply.replyParameters(new ReplyParameters(message.messageId()).allowSendingWithoutReply(true));
        }
        return reply.toWebhookResponse();
    }

    /** The command name of a bot_command entity at offset 0, or null when addressed to another bot. */
    private String command(Message message) {
        MessageEntity[] entities = message.entities();
        if (entities == null || entities.length == 0) {
            return null;
        }
        MessageEntity first = entities[0];
        if (first.type() != MessageEntity.Type.bot_command || first.offset() != 0) {
            return null;
        }
        String text = message.text().substring(1, first.length());
        int at = text.indexOf('@');
        if (at < 0) {
            return text.toLowerCase(Locale.ROOT);
        }
        return text.substring(at + 1).equalsIgnoreCase(username) ? text.substring(0, at).toLowerCase(Locale.ROOT) : null;
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }
}
