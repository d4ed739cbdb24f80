package dev.chorusbot.telegram.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Attachment;
import dev.chorusbot.core.ButtonPress;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import dev.chorusbot.core.time.ScheduledTask;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
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
    /** Starts the background start-up calls, each on a daemon thread of its own that ends with it. */
    private static final Executor STARTER = task -> {
        Thread thread = new Thread(task, "chorus-telegram-start");
        thread.setDaemon(true);
        thread.start();
    };
    private static final Logger log = LoggerFactory.getLogger(TelegramAccount.class);

    // Bot API, BotCommand: 1-32 characters, lowercase letters, digits and underscores.
    private static final Pattern MENU_COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
    static final int MAX_MENU_COMMANDS = 100;
    static final int MAX_DESCRIPTION = 256;
    // Bot API, answerCallbackQuery: "Text of the notification. If not specified, nothing will be shown
    // to the user, 0-200 characters"; getFile: "bots can download files of up to 20MB in size".
    static final int MAX_NOTICE = 200;
    static final long MAX_DOWNLOAD = 20L * 1024 * 1024;

    private final TelegramConfig config;
    private final TelegramBotApi api;
    private final EventMapper mapper;
    // Made in start() from the sink's scheduler, so the bot's scheduler drives their timers.
    private volatile Scheduler scheduler = Scheduler.system();
    private volatile SendQueue queue;
    private volatile RoleCache roles;
    private volatile User self;
    private volatile EventSink sink;
    private volatile boolean registered;
    /** Completes with the bot's username once known: configured, or from getMe. */
    private final CompletableFuture<String> username = new CompletableFuture<>();
    /** The getMe a function asks when an update needs the username; see {@link #lookUp()}. */
    private CompletableFuture<String> lookup;
    /** In a function: getMe only when an update needs it, no start-up calls in the background. */
    private volatile boolean onDemand;
    private volatile boolean closed;
    private volatile ScheduledTask retry;

    /** The account of the token in {@code config}. */
    public TelegramAccount(TelegramConfig config) {
        this.config = config;
        this.api = new TelegramBotApi(config);
        this.mapper = new EventMapper(config.editedMessages(), () -> scheduler.now());
        String id = Long.toString(config.botId());
        this.self = config.username().map(name -> User.of(id, name, name)).orElse(User.of(id, "", ""));
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

    /**
     * The bot's account: its id from the token at once; its username once configured or learnt
     * from getMe, empty until then.
     */
    public Optional<User> self() {
        return Optional.of(self);
    }

    /** Whether the bot's username is known (configured, or learnt from getMe). */
    public boolean usernameKnown() {
        return username.isDone() && !username.isCompletedExceptionally();
    }

    /**
     * Starts for long polling: learns the bot's username (configured, else getMe) and, when asked,
     * publishes the command menu, before returning; getUpdates needs neither, but a rejected token
     * then stops the start with its one sentence.
     *
     * @throws Exception with one sentence naming the cause and the fix
     */
    public void startPolling(EventSink eventSink) throws Exception {
        prepare(eventSink);
        try {
            if (!username.isDone()) {
                identified(retried(api::getMe, "getMe").get());
            }
            registered = true; // polling may begin
            if (config.publishCommands()) {
                publishCommands().get();
            }
        } catch (ExecutionException e) {
            throw unwrapped(e);
        }
    }

    /**
     * Starts for webhooks without waiting for Telegram: the endpoint answers updates at once, and
     * the bot's id comes from the token. In a serverless function getMe runs only when an update
     * needs the username, and a configured setWebhook or setMyCommands still runs here, before
     * the first request. Elsewhere {@link #startInBackground} runs those calls.
     *
     * @throws Exception with one sentence naming the cause and the fix (in a function)
     */
    public void startWebhook(EventSink eventSink) throws Exception {
        prepare(eventSink);
        if (config.webhookSecret().isEmpty()) {
            log.warn("The Telegram webhook {} has no secret token, so anyone who finds its URL can post updates:"
                    + " set TELEGRAM_WEBHOOK_SECRET", config.shownWebhookPath());
        }
        if (eventSink.frozenBetweenRequests()) {
            onDemand = true;
            try {
                setWebhook().thenCompose(done -> publishCommands()).get();
            } catch (ExecutionException e) {
                throw unwrapped(e);
            }
        }
    }

    /**
     * Runs the start-up calls of a long-running webhook in the background, in order: getMe (unless
     * the username is configured), setWebhook (when a URL is configured), setMyCommands (when
     * asked). Each is repeated with the configured backoff after a failure that may pass; one that
     * cannot, or still fails after the configured attempts, is handed to {@code stopped}. Nothing
     * to do in a function.
     *
     * @param stopped told why the start-up failed (a rejected token, a refused setWebhook); not
     *     told when the account is closed first
     */
    public void startInBackground(Consumer<Throwable> stopped) {
        if (onDemand) {
            return;
        }
        // The first call builds the HttpClient (its classes, and the TLS set-up even for an http
        // URL): a few hundred milliseconds that must not delay the return to the caller, which
        // goes on to answer updates. So the calls begin on a thread of their own.
        CompletableFuture.supplyAsync(() -> identify()
                        .thenCompose(done -> setWebhook())
                        .thenCompose(done -> publishCommands()), STARTER)
                .thenCompose(calls -> calls)
                .whenComplete((done, failure) -> {
                    if (failure == null || closed) {
                        return;
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    username.completeExceptionally(cause); // no-op once known: only getMe's failure counts
                    stopped.accept(cause);
                });
    }

    private CompletableFuture<Void> identify() {
        return username.isDone() ? CompletableFuture.completedFuture(null)
                : retried(api::getMe, "getMe").thenAccept(this::identified);
    }

    private void prepare(EventSink eventSink) {
        this.scheduler = eventSink.scheduler();
        this.roles = new RoleCache(api, scheduler, config.adminCacheTtl(), config.requestTimeout());
        this.queue = new SendQueue(api, scheduler, eventSink.observer(), config.limits(), config.maxAttempts(),
                config.initialBackoff(), config.maxBackoff(), eventSink.sendBudget(), Long.toString(config.botId()));
        this.sink = eventSink;
        config.username().ifPresent(username::complete);
    }

    private void identified(TelegramUser me) {
        String name = me.username().orElse("");
        self = User.of(Long.toString(me.id()), name, me.displayName());
        username.complete(name);
        log.info("Telegram bot @{} (id {})", me.username().orElse("?"), me.id());
    }

    private CompletableFuture<Void> setWebhook() {
        if (config.webhookUrl().isEmpty()) {
            registered = true; // none was asked for: updates can arrive as the webhook was left
            return CompletableFuture.completedFuture(null);
        }
        return retried(() -> api.setWebhook(config.webhookUrl().get(), config.webhookSecret(), config.allowedUpdates()),
                "setWebhook").thenRun(() -> {
                    log.info("Telegram webhook set to {}", config.mask(api.scrub(config.webhookUrl().get().toString())));
                    registered = true; // updates can arrive now
                });
    }

    /**
     * The command menu for every language, then one per language some description is given in
     * (Bot API setMyCommands with {@code language_code}: Telegram shows a user the menu of their
     * language, else the one without), each repeated as the other start-up calls are. The
     * automatic help's own translations do not make a language: a bot that localized none of its
     * commands publishes one menu, as before.
     */
    private CompletableFuture<Void> publishCommands() {
        if (!config.publishCommands()) {
            return CompletableFuture.completedFuture(null);
        }
        List<Command> commands = sink.commands();
        Set<String> languages = new TreeSet<>();
        for (Command command : commands) {
            if (!command.name().equals("help")) {
                command.descriptions().keySet().forEach(locale -> languages.add(locale.getLanguage()));
            }
        }
        List<Map.Entry<String, String>> menu = menu(commands, null);
        CompletableFuture<Void> published = retried(() -> api.setMyCommands(menu), "setMyCommands").thenApply(ok -> null);
        for (String language : languages) {
            if (language.length() == 2) { // the Bot API takes ISO 639-1 codes only
                List<Map.Entry<String, String>> localized = menu(commands, new Locale(language));
                published = published.thenCompose(done -> retried(
                        () -> api.setMyCommands(localized, Optional.of(language)), "setMyCommands").thenApply(ok -> null));
            }
        }
        return published;
    }

    /**
     * Waits at most {@code wait} for the bot's username, for an update addressed as
     * {@code /cmd@name}: in a function it asks getMe now (one call shared by the updates that need
     * it), elsewhere the start-up getMe is under way. When the username stays unknown, logs why and
     * returns false: the update is then handled as addressed to this bot, as any {@code /cmd@name}
     * is while the username is not known.
     *
     * @param wait the longest wait
     * @param what the update, for the log line, such as {@code update 42 (/hello@my_bot)}
     * @return true when the username is known
     */
    public boolean awaitUsername(Duration wait, String what) {
        CompletableFuture<String> known = onDemand ? lookUp() : username;
        try {
            known.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            log.warn("Telegram's getMe has not told the bot its username within {} ms, so {} is handled as"
                    + " addressed to this bot", wait.toMillis(), what);
        } catch (ExecutionException e) {
            log.warn("Telegram's getMe failed ({}), so {} is handled as addressed to this bot",
                    unwrapped(e).getMessage(), what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The bot's username from getMe, asked once for the updates that wait for it; asked again after a failure. */
    private synchronized CompletableFuture<String> lookUp() {
        if (username.isDone() && !username.isCompletedExceptionally()) {
            return username;
        }
        CompletableFuture<String> current = lookup;
        if (current == null || current.isCompletedExceptionally()) {
            current = api.getMe().thenApply(me -> {
                identified(me);
                return me.username().orElse("");
            });
            lookup = current;
        }
        return current;
    }

    private static List<Map.Entry<String, String>> menu(List<Command> commands, Locale locale) {
        List<Map.Entry<String, String>> menu = new ArrayList<>();
        for (Command command : commands) {
            if (MENU_COMMAND.matcher(command.name()).matches() && command.requiredRole() == Role.EVERYONE) {
                String description = locale == null ? command.description() : command.description(locale);
                menu.add(Map.entry(command.name(), menuDescription(description.isBlank() ? command.name() : description)));
            }
        }
        if (menu.size() > MAX_MENU_COMMANDS) {
            // Bot API setMyCommands: "At most 100 commands can be specified."
            log.warn("Telegram's command menu holds at most {} commands; publishing the first {} of {}",
                    MAX_MENU_COMMANDS, MAX_MENU_COMMANDS, menu.size());
            menu = new ArrayList<>(menu.subList(0, MAX_MENU_COMMANDS));
        }
        return menu;
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
     * fails at once with a {@link TelegramRefusedException}, and so does any other 4xx (with an
     * {@link IllegalStateException}), which no repeat would change. Stops when the account closes.
     */
    private <T> CompletableFuture<T> retried(Supplier<CompletableFuture<T>> call, String method) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(call, method, 1, config.initialBackoff(), result);
        return result;
    }

    private <T> void attempt(Supplier<CompletableFuture<T>> call, String method, int attempt, Duration backoff,
            CompletableFuture<T> result) {
        if (closed) {
            result.completeExceptionally(new CancellationException("the Telegram adapter closed"));
            return;
        }
        CompletableFuture<T> answer = call.get();
        // A guard beside the HTTP client's own timeout, on the bot's scheduler like every timer.
        ScheduledTask guard = scheduler.schedule(config.requestTimeout().multipliedBy(2),
                () -> answer.completeExceptionally(new TimeoutException()));
        answer.whenComplete((value, failure) -> {
            guard.cancel();
            if (failure == null) {
                result.complete(value);
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            Duration wait = backoff;
            RuntimeException reason;
            if (cause instanceof TimeoutException) {
                reason = new IllegalStateException("Telegram did not answer " + method + " in time: check"
                        + " TELEGRAM_API_URL and the network");
            } else {
                if (cause instanceof TelegramApiException api && (api.errorCode() == 401 || api.errorCode() == 404)) {
                    result.completeExceptionally(new TelegramRefusedException(method, api.errorCode(), api.description(),
                            "Telegram rejected the bot token (" + api.errorCode() + " " + api.description() + " on "
                                    + method + "): check TELEGRAM_BOT_TOKEN"));
                    return;
                }
                reason = new IllegalStateException("Telegram " + cause.getMessage());
                if (cause instanceof TelegramApiException api && api.errorCode() < 500 && api.errorCode() != 429) {
                    result.completeExceptionally(reason);
                    return;
                }
                if (cause instanceof TelegramApiException api && api.retryAfter().isPresent()) {
                    wait = Duration.ofSeconds(api.retryAfter().getAsInt());
                }
            }
            if (attempt >= config.maxAttempts() || closed) {
                result.completeExceptionally(reason);
                return;
            }
            log.warn("{} (attempt {} of {}); trying again in {} ms", reason.getMessage(), attempt,
                    config.maxAttempts(), wait.toMillis());
            Duration next = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                    : backoff.multipliedBy(2);
            retry = scheduler.schedule(wait, () -> attempt(call, method, attempt + 1, next, result));
        });
    }

    private static Exception unwrapped(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof Exception exception ? exception : e;
    }

    /** The event for an update, if the bot handles its kind. */
    public Optional<InboundEvent> map(TelegramUpdate update) {
        return mapper.map(update);
    }

    /** The neutral event for a webhook body read by {@link UpdateReader#read}, or empty. */
    public Optional<InboundEvent> map(UpdateReader.Read read) {
        return mapper.map(read);
    }

    /** Acknowledges a button press so the client stops its progress indicator. */
    public CompletableFuture<Void> answer(ButtonPress press) {
        return answer(press, Optional.empty());
    }

    /**
     * Acknowledges a button press, showing the handler's notice if it gave one (Bot API
     * answerCallbackQuery: {@code text} of 0-200 characters, {@code show_alert}).
     */
    public CompletableFuture<Void> answer(ButtonPress press, Optional<Reply.Notice> notice) {
        Optional<String> text = notice.map(n -> notice(n.text()));
        boolean alert = notice.map(Reply.Notice::alert).orElse(false);
        return api.answerCallbackQuery(press.id(), text, alert).handle((ok, failure) -> {
            if (failure != null) {
                log.debug("answerCallbackQuery {} failed: {}", press.id(), failure.getMessage());
            }
            return null;
        });
    }

    /** A notice cut to the 200 characters answerCallbackQuery shows. */
    static String notice(String text) {
        return text.length() <= MAX_NOTICE ? text
                : text.substring(0, Character.isHighSurrogate(text.charAt(MAX_NOTICE - 1)) ? MAX_NOTICE - 1 : MAX_NOTICE);
    }

    /**
     * Dispatches an event, then queues its answers and acknowledges a button press with the
     * handler's notice; the future completes once the event was handled, its answers were queued
     * and the press was answered.
     */
    public CompletableFuture<Void> dispatchAndSend(InboundEvent event) {
        return sink.dispatch(event).thenCompose((Handled handled) -> {
            handled.outbound().forEach(queue::submit);
            return event instanceof ButtonPress press ? answer(press, handled.notice())
                    : CompletableFuture.completedFuture(null);
        });
    }

    /**
     * Downloads a file the bot received: getFile, then the file's URL. Telegram serves at most
     * 20 MB to bots (Bot API, getFile), so a larger {@code maxBytes} is lowered to that.
     */
    public CompletableFuture<byte[]> download(Attachment attachment, long maxBytes) {
        long limit = Math.min(maxBytes, MAX_DOWNLOAD);
        if (attachment.size().isPresent() && attachment.size().getAsLong() > limit) {
            return CompletableFuture.failedFuture(tooLarge(attachment.size().getAsLong(), limit));
        }
        return api.getFile(attachment.fileId()).thenCompose(file -> {
            if (file.fileSize().isPresent() && file.fileSize().getAsLong() > limit) {
                return CompletableFuture.failedFuture(tooLarge(file.fileSize().getAsLong(), limit));
            }
            if (file.filePath().isEmpty()) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "Telegram gave no file_path for file " + attachment.fileId() + ", so it cannot be downloaded"));
            }
            return api.downloadFile(file.filePath().get(), limit);
        });
    }

    private static IllegalArgumentException tooLarge(long size, long limit) {
        return new IllegalArgumentException("the Telegram file has " + size + " bytes, more than the " + limit
                + " allowed" + (limit == MAX_DOWNLOAD ? " (Telegram serves bots files of up to 20 MB)" : ""));
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

    /**
     * The JSON body that makes Telegram send {@code message} when returned as the webhook answer.
     *
     * @throws IllegalArgumentException when the message cannot travel in the answer: an upload
     *     (multipart only), or a button too large
     */
    public ObjectNode inlineCall(Outbound message) {
        long chatId = Long.parseLong(message.chat().id());
        SendQueue sending = queue;
        OutboundRequests.Request request = OutboundRequests.of(message, sending == null ? chatId : sending.target(chatId));
        if (request.upload().isPresent()) {
            throw new IllegalArgumentException("a file upload cannot travel in the webhook answer");
        }
        ObjectNode call = JsonTrees.object().put("method", request.method());
        call.setAll(request.params());
        return call;
    }

    /** Sends what is queued (up to the close timeout); start-up calls still under way end. */
    public void close() {
        closed = true;
        ScheduledTask pending = retry;
        if (pending != null) {
            pending.cancel();
        }
        SendQueue sending = queue;
        if (sending != null) {
            sending.close(config.closeTimeout());
        }
    }
}
