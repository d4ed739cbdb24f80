package dev.chorusbot.bench.compare;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.telegram.telegrambots.webhook.TelegramBotsWebhookApplication;
import org.telegram.telegrambots.webhook.WebhookOptions;

/**
 * The hello bot written with TelegramBots 9.2.0, in its documented webhook form: a
 * {@link TelegramBotsWebhookApplication} (Javalin on Jetty) with one bot registered at a path, whose
 * update handler returns the {@link SendMessage} that goes back inside the webhook response. It
 * answers the same update with the same message as Chorus's bench bot: {@code /hello} (or
 * {@code /hello@<its username>}, found through the {@code bot_command} entity at offset 0) gets
 * {@code hello <first last>!} in the same chat and topic, quoting the command in groups.
 *
 * <p>Configured by the same variables as Chorus's hello bot: {@code TELEGRAM_BOT_TOKEN},
 * {@code TELEGRAM_API_URL} (its Bot API client's base URL), {@code TELEGRAM_WEBHOOK_PORT},
 * {@code TELEGRAM_WEBHOOK_PATH} (default {@code /telegram}), {@code TELEGRAM_BOT_USERNAME}, and
 * {@code TELEGRAM_WEBHOOK_URL} with {@code TELEGRAM_WEBHOOK_SECRET} (setWebhook at start when set).
 * The Bot API client is built on first use, as Chorus's is, so an inline answer never pays for it.
 *
 * <p>TelegramBots' webhook application does not check {@code X-Telegram-Bot-Api-Secret-Token} and
 * gives the update handler no access to the request's headers, so this bot does not check it; its
 * Javalin server listens on every interface (no host option), not only loopback.
 */
public final class TelegramBotsHelloBot {
    private final String username;

    private TelegramBotsHelloBot(String username) {
        this.username = username;
    }

    /** Runs until the process is stopped. */
    public static void main(String[] args) throws TelegramApiException {
        Map<String, String> env = System.getenv();
        String token = required(env, "TELEGRAM_BOT_TOKEN");
        int port = Integer.parseInt(required(env, "TELEGRAM_WEBHOOK_PORT"));
        String path = env.getOrDefault("TELEGRAM_WEBHOOK_PATH", "/telegram");
        String username = required(env, "TELEGRAM_BOT_USERNAME");
        URI api = URI.create(env.getOrDefault("TELEGRAM_API_URL", "https://api.telegram.org"));
        String webhookUrl = env.get("TELEGRAM_WEBHOOK_URL");
        String secret = env.get("TELEGRAM_WEBHOOK_SECRET");

        LazyClient client = new LazyClient(token, new TelegramUrl(api.getScheme(), api.getHost(),
                api.getPort() > 0 ? api.getPort() : "https".equals(api.getScheme()) ? 443 : 80, false));
        TelegramBotsHelloBot bot = new TelegramBotsHelloBot(username);
        TelegramBotsWebhookApplication application = new TelegramBotsWebhookApplication(
                WebhookOptions.builder().port(port).useHttps(false).enableRequestLogging(false).build());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                application.close();
            } catch (TelegramApiException e) {
                System.err.println("stopping the webhook server failed: " + e.getMessage());
            }
        }, "telegrambots-stop"));
        application.registerBot(path, bot::answer, () -> {
            if (webhookUrl != null) {
                SetWebhook.SetWebhookBuilder<?, ?> call = SetWebhook.builder().url(webhookUrl);
                if (secret != null) {
                    call.secretToken(secret);
                }
                try {
                    client.get().execute(call.build());
                } catch (TelegramApiException e) {
                    throw new IllegalStateException("setWebhook failed: " + e.getMessage(), e);
                }
            }
        }, () -> {
            if (webhookUrl != null) {
                try {
                    client.get().execute(DeleteWebhook.builder().build());
                } catch (TelegramApiException e) {
                    throw new IllegalStateException("deleteWebhook failed: " + e.getMessage(), e);
                }
            }
        });
    }

    /** The hello command, answered inline; anything else gets no answer. */
    private BotApiMethod<?> answer(Update update) {
        if (!update.hasMessage() || !update.getMessage().hasText()) {
            return null;
        }
        Message message = update.getMessage();
        String command = command(message);
        if (!"hello".equals(command)) {
            return null;
        }
        User from = message.getFrom();
        String name = from.getLastName() == null ? from.getFirstName() : from.getFirstName() + " " + from.getLastName();
        SendMessage.SendMessageBuilder<?, ?> reply = SendMessage.builder().chatId(message.getChatId())
                .text("hello " + name + "!");
        if (message.isTopicMessage() && message.getMessageThreadId() != null) {
            reply.messageThreadId(message.getMessageThreadId());
        }
        if (!message.getChat().isUserChat()) {
            reply.replyParameters(ReplyParameters.builder().messageId(message.getMessageId())
                    .allowSendingWithoutReply(true).build());
        }
        return reply.build();
    }

    /** The command name of a bot_command entity at offset 0, or null when addressed to another bot. */
    private String command(Message message) {
        List<MessageEntity> entities = message.getEntities();
        if (entities == null || entities.isEmpty()) {
            return null;
        }
        MessageEntity first = entities.get(0);
        if (!"bot_command".equals(first.getType()) || first.getOffset() != 0) {
            return null;
        }
        String text = message.getText().substring(1, first.getLength());
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

    /** TelegramBots' OkHttp client, built on the first Bot API call. */
    private static final class LazyClient {
        private final String token;
        private final TelegramUrl url;
        private TelegramClient client;

        LazyClient(String token, TelegramUrl url) {
            this.token = token;
            this.url = url;
        }

        synchronized TelegramClient get() {
            if (client == null) {
                client = new OkHttpTelegramClient(token, url);
            }
            return client;
        }
    }
}
