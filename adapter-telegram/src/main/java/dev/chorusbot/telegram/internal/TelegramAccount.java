package dev.chorusbot.telegram.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.ButtonPress;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.json.JsonTrees;
import dev.chorusbot.telegram.TelegramApiException;
import dev.chorusbot.telegram.TelegramBotApi;
import dev.chorusbot.telegram.TelegramConfig;
import dev.chorusbot.telegram.TelegramRefusedException;
import dev.chorusbot.telegram.TelegramUpdate;
import dev.chorusbot.telegram.TelegramUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's account on Telegram, which the webhook and the polling adapter both serve: the API
 * client for its token, the send queue that keeps to the token's limits, the bot's identity and
 * role lookups, event mapping, and the start-up calls (getMe, setWebhook, setMyCommands).
 */
public final class TelegramAccount {
    private static final Logger log = LoggerFactory.getLogger(TelegramAccount.class);

    // Bot API, BotCommand: 1-32 characters, lowercase letters, digits and underscores.
    private static final Pattern MENU_COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
    static final int MAX_MENU_COMMANDS = 100;
    static final int MAX_DESCRIPTION = 256;

    private final TelegramConfig config;
    private final TelegramBotApi api;
    private final EventMapper mapper;
    // Made in start() from the sink's scheduler, so the bot's scheduler drives their timers.
    private volatile Scheduler scheduler = Scheduler.system();
    private volatile SendQueue queue;
    private volatile RoleCache roles;
    private volatile Optional<User> self = Optional.empty();
    private volatile EventSink sink;
    private volatile boolean registered;

    /** The account of the token in {@code config}. */
    public TelegramAccount(TelegramConfig config) {
        this.config = config;
        this.api = new TelegramBotApi(config);
        this.mapper = new EventMapper(config.editedMessages(), () -> scheduler.now());
    }

    /** The configuration. */
    public TelegramConfig config() {
        return config;
    }

    /** The API client. */
    public TelegramBotApi api() {
        return api;
    }

    /** The send queue, once started. */
    public SendQueue queue() {
        return queue;
    }

    /** The scheduler the adapter's timers run on: the sink's, once started. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** True once updates can arrive: after setWebhook succeeded, or at start when none is made. */
    public boolean isRegistered() {
        return registered;
    }

    /** The sink, once started. */
    public EventSink sink() {
        return sink;
    }

    /** The bot's account, once known. */
    public Optional<User> self() {
        return self;
    }

    /**
     * Starts: learns the bot's identity (from the configured username, else getMe), then, when
     * configured, calls setWebhook and setMyCommands.
     *
     * @throws IllegalStateException with one sentence naming the cause and the fix
     */
    public void start(EventSink eventSink, boolean webhook) throws Exception {
        this.scheduler = eventSink.scheduler();
        this.roles = new RoleCache(api, scheduler, config.adminCacheTtl(), config.requestTimeout());
        this.queue = new SendQueue(api, scheduler, eventSink.observer(), config.limits(), config.maxAttempts(),
                config.initialBackoff(), config.maxBackoff(), eventSink.sendBudget(), Long.toString(config.botId()));
        this.sink = eventSink;
        if (config.username().isPresent()) {
            String name = config.username().get();
            self = Optional.of(User.of(Long.toString(config.botId()), name, name));
        } else {
            TelegramUser me = await(api::getMe, "getMe");
            self = Optional.of(User.of(Long.toString(me.id()), me.username().orElse(""), me.displayName()));
            log.info("Telegram bot @{} (id {})", me.username().orElse("?"), me.id());
        }
        if (webhook && config.webhookSecret().isEmpty()) {
            log.warn("The Telegram webhook {} has no secret token, so anyone who finds its URL can post updates:"
                    + " set TELEGRAM_WEBHOOK_SECRET", config.webhookPath());
        }
        if (webhook && config.webhookUrl().isPresent()) {
            await(() -> api.setWebhook(config.webhookUrl().get(), config.webhookSecret(), config.allowedUpdates()),
                    "setWebhook");
            log.info("Telegram webhook set to {}", api.scrub(config.webhookUrl().get().toString()));
        }
        // Updates can arrive now: the webhook is registered (or none was asked for), or polling may begin.
        registered = true;
        if (config.publishCommands()) {
            List<Map.Entry<String, String>> menu = new ArrayList<>();
            for (Command command : eventSink.commands()) {
                if (MENU_COMMAND.matcher(command.name()).matches() && command.requiredRole() == Role.EVERYONE) {
                    String description = command.description().isBlank() ? command.name() : command.description();
                    menu.add(Map.entry(command.name(), menuDescription(description)));
                }
            }
            if (menu.size() > MAX_MENU_COMMANDS) {
                // Bot API setMyCommands: "At most 100 commands can be specified."
                log.warn("Telegram's command menu holds at most {} commands; publishing the first {} of {}",
                        MAX_MENU_COMMANDS, MAX_MENU_COMMANDS, menu.size());
                menu = new ArrayList<>(menu.subList(0, MAX_MENU_COMMANDS));
            }
            List<Map.Entry<String, String>> published = menu;
            await(() -> api.setMyCommands(published), "setMyCommands");
        }
    }

    /**
     * A BotCommand description is 1–256 characters (Bot API); a longer one is cut at 256 UTF-16
     * units, one less when the cut would split a surrogate pair.
     */
    static String menuDescription(String description) {
        if (description.length() <= MAX_DESCRIPTION) {
            return description;
        }
        int end = Character.isHighSurrogate(description.charAt(MAX_DESCRIPTION - 1)) ? MAX_DESCRIPTION - 1 : MAX_DESCRIPTION;
        return description.substring(0, end);
    }

    /**
     * Calls {@code method} at start, repeating what may pass on a later try (a 5xx, a 429, a
     * network failure or no answer in time) with the configured backoff, up to the configured
     * attempts: one bad moment of Telegram's must not stop the bot. A rejected token (401, 404)
     * stops at once, and so does any other 4xx, which no repeat would change.
     */
    private <T> T await(Supplier<CompletableFuture<T>> call, String method) throws Exception {
        Duration backoff = config.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            Duration wait = backoff;
            try {
                return call.get().get(config.requestTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof TelegramApiException api && (api.errorCode() == 401 || api.errorCode() == 404)) {
                    throw new TelegramRefusedException(method, api.errorCode(), api.description(),
                            "Telegram rejected the bot token (" + api.errorCode() + " " + api.description() + " on "
                                    + method + "): check TELEGRAM_BOT_TOKEN");
                }
                failure = new IllegalStateException("Telegram " + cause.getMessage());
                if (cause instanceof TelegramApiException api && api.errorCode() < 500 && api.errorCode() != 429) {
                    throw failure;
                }
                if (cause instanceof TelegramApiException api && api.retryAfter().isPresent()) {
                    wait = Duration.ofSeconds(api.retryAfter().getAsInt());
                }
            } catch (TimeoutException e) {
                failure = new IllegalStateException("Telegram did not answer " + method + " in time: check"
                        + " TELEGRAM_API_URL and the network");
            }
            if (attempt >= config.maxAttempts()) {
                throw failure;
            }
            log.warn("{} (attempt {} of {}); trying again in {} ms", failure.getMessage(), attempt,
                    config.maxAttempts(), wait.toMillis());
            scheduler.sleep(wait);
            backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    /** The event for an update, if the bot handles its kind. */
    public Optional<InboundEvent> map(TelegramUpdate update) {
        return mapper.map(update);
    }

    /** Acknowledges a button press so the client stops its progress indicator. */
    public CompletableFuture<Void> answer(ButtonPress press) {
        return api.answerCallbackQuery(press.id(), Optional.empty()).handle((ok, failure) -> {
            if (failure != null) {
                log.debug("answerCallbackQuery {} failed: {}", press.id(), failure.getMessage());
            }
            return null;
        });
    }

    /**
     * Dispatches an event, then queues its answers (and acknowledges a button press); the future
     * completes once the event was handled and its answers were queued.
     */
    public CompletableFuture<Void> dispatchAndSend(InboundEvent event) {
        CompletableFuture<Void> ack = event instanceof ButtonPress press ? answer(press)
                : CompletableFuture.completedFuture(null);
        return sink.dispatch(event)
                .thenAccept((Handled handled) -> handled.outbound().forEach(queue::submit))
                .thenCombine(ack, (a, b) -> (Void) null);
    }

    /** The roles of {@code user} in {@code chat}; before start, only those the user carries. */
    public Set<Role> rolesOf(User user, Chat chat) {
        RoleCache cache = roles;
        return cache == null ? user.roles() : cache.rolesOf(user, chat);
    }

    /** Queues one message; fails before start. */
    public CompletableFuture<Void> send(Outbound message) {
        SendQueue sending = queue;
        if (sending == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the Telegram adapter is not started;"
                    + " a message to chat " + message.chat().id() + " was not sent"));
        }
        return sending.submit(message);
    }

    /** The JSON body that makes Telegram send {@code message} when returned as the webhook answer. */
    public ObjectNode inlineCall(Outbound message) {
        long chatId = Long.parseLong(message.chat().id());
        SendQueue sending = queue;
        ObjectNode params = OutboundRequests.sendMessage(message, sending == null ? chatId : sending.target(chatId));
        ObjectNode call = JsonTrees.object().put("method", "sendMessage");
        call.setAll(params);
        return call;
    }

    /** Sends what is queued (up to the close timeout). */
    public void close() {
        SendQueue sending = queue;
        if (sending != null) {
            sending.close(config.closeTimeout());
        }
    }
}
