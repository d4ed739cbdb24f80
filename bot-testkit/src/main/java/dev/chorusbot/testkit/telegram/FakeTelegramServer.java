package dev.chorusbot.testkit.telegram;

import dev.chorusbot.core.Api;
import dev.chorusbot.testkit.internal.Await;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fake Telegram Bot API server on loopback. It answers {@code POST /bot<token>/<method>} with
 * the real envelope ({@code {"ok":true,"result":…}} or {@code {"ok":false,"error_code":…,
 * "description":…,"parameters":…}}) and the real error descriptions, records every call, queues
 * updates for getUpdates (offset, timeout, one poller at a time), delivers updates to a webhook
 * the way Telegram does, and can be told to fail.
 *
 * <p>Implemented methods: getMe, sendMessage, editMessageText, answerCallbackQuery, setWebhook,
 * deleteWebhook, getWebhookInfo, getUpdates, setMyCommands, getMyCommands,
 * getChatAdministrators. Others answer 404 "Not Found", as Telegram does.
 *
 * <p>Checks as Telegram makes them: a wrong token is 401 "Unauthorized"; an unknown chat is
 * "Bad Request: chat not found"; empty text "Bad Request: message text is empty"; text over 4096
 * UTF-16 units "Bad Request: message is too long"; callback_data over 64 bytes
 * "Bad Request: BUTTON_DATA_INVALID"; a blocked user "Forbidden: bot was blocked by the user"; a
 * migrated group "Bad Request: group chat was upgraded to a supergroup chat" with
 * {@code migrate_to_chat_id}; getUpdates while a webhook is set, or while another getUpdates
 * waits, 409 with Telegram's two Conflict sentences.
 *
 * <p>Like every fake of the testkit: {@link #start()} for the defaults, {@link #builder()} for
 * options, {@link #close()} after the test, recorded calls as records ({@link #calls()}), and
 * {@code await…} methods that fail with an {@link AssertionError} naming what they waited for.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class FakeTelegramServer implements AutoCloseable {
    /** A well-formed token for tests; the bot id is 7000000001. */
    public static final String DEFAULT_TOKEN = "7000000001:AAFakeTokenForChorusTests_0123456789abc";

    private final String token;
    private final TelegramWorld world;
    private final UpdateFactory updates;
    private final ApiRecorder recorder = new ApiRecorder();
    private final WebhookDeliverer deliverer;
    private final BotApiServer server;

    private FakeTelegramServer(Builder b) throws IOException {
        this.token = b.token;
        this.world = new TelegramWorld(new FakeUser(Long.parseLong(token.substring(0, token.indexOf(':'))), "Chorus",
                Optional.empty(), Optional.of(b.botUsername), true));
        this.updates = new UpdateFactory(world);
        BotApiMethods methods = new BotApiMethods(world, recorder);
        this.deliverer = new WebhookDeliverer(methods);
        this.server = new BotApiServer(token, methods, recorder, world);
    }

    /**
     * Starts a fake for {@link #DEFAULT_TOKEN}, whose bot is {@code @chorus_test_bot}.
     *
     * @return the running fake, on a free loopback port; close it after the test
     * @throws IllegalStateException when no loopback port can be bound
     */
    public static FakeTelegramServer start() {
        return builder().start();
    }

    /**
     * A builder, for another token or bot username.
     *
     * @return a builder with {@link #DEFAULT_TOKEN} and {@code chorus_test_bot}; finish with
     *     {@link Builder#start()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URL to configure as the Bot API server, such as {@code http://127.0.0.1:41234}.
     *
     * @return the loopback address and port, without a path or a trailing slash
     */
    public URI apiUrl() {
        return server.url();
    }

    /**
     * The token the fake accepts.
     *
     * @return the token given at start; every other token is answered 401 "Unauthorized"
     */
    public String token() {
        return token;
    }

    /**
     * The bot's own account, as getMe returns it.
     *
     * @return a bot user named "Chorus" with the id from the token and the username given at start
     */
    public FakeUser bot() {
        return world.bot();
    }

    // ---- the world -------------------------------------------------------------------------

    /**
     * A user with a fresh id above 2^32 (Telegram ids exceed 32 bits).
     *
     * @param firstName the first name
     * @param lastName the last name, or null for none
     * @param username the username without {@code @}, or null for none
     * @return a human user whose id no other user of this fake has
     */
    public FakeUser user(String firstName, String lastName, String username) {
        return FakeUser.of(updates.nextUserId(), firstName, lastName, username);
    }

    /**
     * Makes {@code chat} known, so the bot may send to it. Chats in built updates are known
     * already.
     *
     * @param chat the chat; replaces a known chat with the same id
     * @return this fake, for chaining
     */
    public FakeTelegramServer addChat(FakeChat chat) {
        world.addChat(chat);
        return this;
    }

    /**
     * {@code user} blocked the bot: sends to their private chat fail with 403.
     *
     * @param user the user who blocked the bot
     * @return this fake, for chaining
     */
    public FakeTelegramServer blockedBy(FakeUser user) {
        world.block(user);
        return this;
    }

    /**
     * The group {@code groupId} became the supergroup {@code supergroupId}: sends to the group fail
     * with 400 and {@code migrate_to_chat_id}, and the supergroup is known, with the group's title.
     *
     * @param groupId the id of the old basic group
     * @param supergroupId the id of the new supergroup, {@code -100…}
     * @return this fake, for chaining
     */
    public FakeTelegramServer migrate(long groupId, long supergroupId) {
        world.migrate(groupId, supergroupId);
        return this;
    }

    /**
     * Sets the administrators getChatAdministrators returns for {@code chat}, and makes the chat
     * known.
     *
     * @param chat the group, supergroup or channel
     * @param creator the chat's owner, listed first with the status {@code creator}
     * @param admins the other administrators, listed in order with the status
     *     {@code administrator}; none for an owner alone
     * @return this fake, for chaining
     */
    public FakeTelegramServer administrators(FakeChat chat, FakeUser creator, FakeUser... admins) {
        world.administrators(chat, creator, admins);
        return this;
    }

    // ---- building updates ------------------------------------------------------------------

    /**
     * A {@code message} update from {@code from} in {@code chat}. A text starting with a command
     * ({@code /hello}, {@code /hello@bot}) gets a {@code bot_command} entity, as Telegram adds.
     *
     * @param chat the chat the message is in; it becomes known to the fake
     * @param from the sender
     * @param text the message text
     * @return the update with a fresh {@code update_id} and {@code message_id}; queue it with
     *     {@link #enqueue} or send it with {@link #deliver(URI, FakeUpdate)}
     */
    public FakeUpdate message(FakeChat chat, FakeUser from, String text) {
        return newMessage(chat, from).text(text).build();
    }

    /**
     * A builder of a message update, for entities, dates, anonymous senders and edits.
     *
     * @param chat the chat the message is in; it becomes known to the fake when built
     * @param from the sender
     * @return a builder with an empty text; finish with {@link MessageBuilder#build()}
     */
    public MessageBuilder newMessage(FakeChat chat, FakeUser from) {
        return updates.message(chat, Optional.of(Objects.requireNonNull(from, "from")));
    }

    /**
     * A {@code message} update in a forum topic of {@code forum}.
     *
     * @param forum the supergroup with topics; it becomes known to the fake
     * @param threadId the topic's {@code message_thread_id}
     * @param from the sender
     * @param text the message text
     * @return the update, with {@code is_topic_message} set
     */
    public FakeUpdate topicMessage(FakeChat forum, long threadId, FakeUser from, String text) {
        return newMessage(forum, from).topic(threadId).text(text).build();
    }

    /**
     * An {@code edited_message} update: {@code from} changed the text of message {@code messageId}.
     *
     * @param chat the chat the message is in; it becomes known to the fake
     * @param from the sender
     * @param messageId the id of the edited message
     * @param text the new text
     * @return the update, with an {@code edit_date}
     */
    public FakeUpdate editedMessage(FakeChat chat, FakeUser from, long messageId, String text) {
        return newMessage(chat, from).messageId(messageId).text(text).edited().build();
    }

    /**
     * A {@code channel_post} update in {@code channel} (no {@code from}, as Telegram sends it).
     *
     * @param channel the channel; it becomes known and is the post's {@code sender_chat}
     * @param text the post's text
     * @return the update
     */
    public FakeUpdate channelPost(FakeChat channel, String text) {
        return updates.message(channel, Optional.empty()).senderChat(channel).text(text).build();
    }

    /**
     * A {@code callback_query} update: {@code from} pressed a button with {@code data} under the
     * bot's message.
     *
     * @param chat the chat of the message with the button; it becomes known to the fake
     * @param from the user who pressed the button
     * @param messageId the id of the bot's message that carries the button
     * @param data the button's {@code callback_data}, 1 to 64 bytes on Telegram
     * @return the update, with a fresh callback query id at {@code /callback_query/id}
     */
    public FakeUpdate callbackQuery(FakeChat chat, FakeUser from, long messageId, String data) {
        return updates.callbackQuery(chat, from, messageId, data);
    }

    /**
     * A {@code callback_query} update for pressing the button labelled {@code label} on the latest
     * message the bot sent to {@code chat} that carries one, as a user would.
     *
     * @param chat the chat the bot sent the button to
     * @param from the user who presses it
     * @param label the button's text
     * @return the update, with the button's {@code callback_data} and the message's id
     * @throws AssertionError when no message the bot sent to that chat has such a button, naming
     *     the buttons there are
     */
    public FakeUpdate press(FakeChat chat, FakeUser from, String label) {
        List<String> seen = new java.util.ArrayList<>();
        List<SentMessage> sent = recorder.sentMessages();
        for (int i = sent.size() - 1; i >= 0; i--) {
            SentMessage message = sent.get(i);
            if (message.chatId() != chat.id()) {
                continue;
            }
            for (List<InlineButton> row : message.buttons()) {
                for (InlineButton button : row) {
                    if (button.text().equals(label) && button.callbackData().isPresent()) {
                        return callbackQuery(chat, from, message.messageId(), button.callbackData().get());
                    }
                    seen.add(button.text());
                }
            }
        }
        throw new AssertionError("no message the bot sent to chat " + chat.id() + " has a button '" + label
                + "'; buttons there: " + seen);
    }

    /**
     * Adds a file as a user's upload, for a message built with {@link MessageBuilder#photo} or
     * {@link MessageBuilder#document}; getFile and {@code /file/bot<token>/} serve it.
     *
     * @param fileName its name, such as {@code cat.png}
     * @param mimeType its content type, such as {@code image/png}
     * @param bytes its content
     * @return the file, with its new id and path
     */
    public FakeFile addFile(String fileName, String mimeType, byte[] bytes) {
        return world.addFile(Optional.of(fileName), mimeType, bytes, mimeType.startsWith("image/") ? "photos" : "documents");
    }

    /**
     * Every file the fake holds: the bot's uploads and those added with {@link #addFile}.
     *
     * @return a copy, in no particular order
     */
    public List<FakeFile> files() {
        return world.files();
    }

    /**
     * The photos and documents accepted so far (sendPhoto, sendDocument), uploads with their bytes.
     *
     * @return a copy, in order of acceptance
     */
    public List<SentMedia> sentMedia() {
        return recorder.sentMedia();
    }

    /**
     * Waits up to 10 seconds until at least {@code count} photos or documents were accepted.
     *
     * @param count how many to wait for
     * @return every one accepted so far, at least {@code count}
     * @throws AssertionError naming the count and what was seen, when fewer were accepted in time
     */
    public List<SentMedia> awaitSentMedia(int count) {
        return recorder.awaitSentMedia(count, Await.DEFAULT_TIMEOUT);
    }

    /**
     * A {@code my_chat_member} update: the bot's own membership in {@code chat} changed.
     *
     * @param chat the chat; it becomes known to the fake
     * @param from the user who changed it, such as the admin who added the bot
     * @param oldStatus the bot's status before: {@code member}, {@code administrator},
     *     {@code left}, {@code kicked}, {@code restricted} or {@code creator}
     * @param newStatus the bot's status after
     * @return the update, a ChatMemberUpdated with the bot as the member
     */
    public FakeUpdate myChatMember(FakeChat chat, FakeUser from, String oldStatus, String newStatus) {
        return updates.chatMember("my_chat_member", chat, from, world.bot(), oldStatus, newStatus);
    }

    /**
     * A {@code chat_member} update: {@code member}'s status in {@code chat} changed (Telegram
     * sends these only to administrators that ask for them in {@code allowed_updates}).
     *
     * @param chat the chat; it becomes known to the fake
     * @param from the user who changed it; {@code member} when they joined or left themselves
     * @param member the member whose status changed
     * @param oldStatus the status before, such as {@code left}
     * @param newStatus the status after, such as {@code member}
     * @return the update, a ChatMemberUpdated
     */
    public FakeUpdate chatMember(FakeChat chat, FakeUser from, FakeUser member, String oldStatus, String newStatus) {
        return updates.chatMember("chat_member", chat, from, member, oldStatus, newStatus);
    }

    /**
     * An update of any {@code kind} ({@code poll}, or one Telegram adds later), with the payload
     * given as JSON.
     *
     * @param kind the update's field name, such as {@code poll}
     * @param payloadJson the object under that field, as JSON text, used as given
     * @return the update with a fresh {@code update_id}
     * @throws IllegalArgumentException when {@code payloadJson} is not JSON
     */
    public FakeUpdate update(String kind, String payloadJson) {
        return updates.update(kind, TelegramJson.readOrFail(payloadJson, "the payload"), null);
    }

    // ---- feeding the bot ----------------------------------------------------------------------

    /**
     * Queues {@code update} for getUpdates, and wakes a waiting long poll.
     *
     * @param update the update, as built by {@link #message} and the other builders
     * @return this fake, for chaining
     */
    public FakeTelegramServer enqueue(FakeUpdate update) {
        world.enqueue(update);
        return this;
    }

    /**
     * Updates queued and not yet confirmed by a getUpdates offset.
     *
     * @return the number of queued updates, 0 when all were confirmed
     */
    public int pendingUpdates() {
        return world.pendingUpdates();
    }

    /**
     * How many times a webhook delivery is tried, and the pause between tries; default 3 and 50 ms.
     *
     * @param attempts the most POSTs per delivery; 0 or less sends nothing
     * @param delay the pause after each attempt that was not answered 2xx
     * @return this fake, for chaining
     */
    public FakeTelegramServer redelivery(int attempts, Duration delay) {
        deliverer.redelivery(attempts, delay);
        return this;
    }

    /**
     * POSTs {@code update} to {@code webhook} with the secret given to setWebhook, if any; see
     * {@link #deliver(URI, Optional, byte[])}.
     *
     * @param webhook the URL to POST to; any scheme the JDK client speaks, unlike setWebhook
     * @param update the update to send
     * @return how the delivery ended
     */
    public WebhookDelivery deliver(URI webhook, FakeUpdate update) {
        return deliver(webhook, world.webhookSecret(), update.json().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * POSTs {@code body} to {@code webhook} as Telegram does: JSON, with
     * {@code X-Telegram-Bot-Api-Secret-Token} when {@code secret} is present, repeated while the
     * answer is not 2xx (up to the redelivery attempts). A {@code method} in a 2xx JSON answer is
     * executed as a Bot API call, as Telegram does with webhook replies.
     *
     * @param webhook the URL to POST to
     * @param secret the secret token header to send; empty to send none
     * @param body the request body, sent as given (it need not be valid JSON)
     * @return how the delivery ended; status 0 when the last attempt could not connect
     */
    public WebhookDelivery deliver(URI webhook, Optional<String> secret, byte[] body) {
        return deliverer.deliver(webhook, secret, body);
    }

    // ---- failures ---------------------------------------------------------------------------

    /**
     * The next call of {@code method} fails as {@code failure}.
     *
     * @param method the Bot API method name, such as {@code sendMessage}; case-sensitive
     * @param failure how the call fails, from the factories of {@link Failure}
     * @return this fake, for chaining
     */
    public FakeTelegramServer failNext(String method, Failure failure) {
        return failNext(method, 1, failure);
    }

    /**
     * The next {@code times} calls of {@code method} fail as {@code failure}. Failures queue up
     * behind those already set for the method.
     *
     * @param method the Bot API method name, such as {@code sendMessage}; case-sensitive
     * @param times how many calls fail; 0 or less adds nothing
     * @param failure how the calls fail, from the factories of {@link Failure}
     * @return this fake, for chaining
     */
    public FakeTelegramServer failNext(String method, int times, Failure failure) {
        server.failNext(method, times, failure);
        return this;
    }

    // ---- what happened ---------------------------------------------------------------------

    /**
     * Every call so far, in order of arrival.
     *
     * @return a copy, including calls refused for a wrong token or an injected failure
     */
    public List<ApiCall> calls() {
        return recorder.calls();
    }

    /**
     * The calls of {@code method} so far.
     *
     * @param method the Bot API method name, such as {@code getUpdates}; case-sensitive
     * @return those calls in order of arrival; empty when there were none
     */
    public List<ApiCall> calls(String method) {
        return recorder.calls(method);
    }

    /**
     * Waits up to 10 seconds until at least {@code count} calls of {@code method} arrived.
     *
     * @param method the Bot API method name; case-sensitive
     * @param count how many calls to wait for
     * @return every call of {@code method} so far, at least {@code count}
     * @throws AssertionError naming the method, the count and the calls seen, when fewer arrived
     *     in time, or on interruption
     */
    public List<ApiCall> awaitCalls(String method, int count) {
        return awaitCalls(method, count, Await.DEFAULT_TIMEOUT);
    }

    /**
     * Waits until at least {@code count} calls of {@code method} arrived, and returns them.
     *
     * @param method the Bot API method name; case-sensitive
     * @param count how many calls to wait for
     * @param timeout how long to wait at most
     * @return every call of {@code method} so far, at least {@code count}
     * @throws AssertionError naming the method, the count and the calls seen, when fewer arrived
     *     within {@code timeout}, or on interruption
     */
    public List<ApiCall> awaitCalls(String method, int count, Duration timeout) {
        return recorder.awaitCalls(method, count, timeout);
    }

    /**
     * The messages accepted so far, through the API and through webhook responses.
     *
     * @return a copy, in order of acceptance; refused sends are not included
     */
    public List<SentMessage> sentMessages() {
        return recorder.sentMessages();
    }

    /**
     * Waits up to 10 seconds until at least {@code count} messages were accepted.
     *
     * @param count how many accepted messages to wait for
     * @return every message accepted so far, at least {@code count}
     * @throws AssertionError naming the count and the texts seen, when fewer were accepted in time,
     *     or on interruption
     */
    public List<SentMessage> awaitSentMessages(int count) {
        return awaitSentMessages(count, Await.DEFAULT_TIMEOUT);
    }

    /**
     * Waits until at least {@code count} messages were accepted, and returns them all.
     *
     * @param count how many accepted messages to wait for
     * @param timeout how long to wait at most
     * @return every message accepted so far, at least {@code count}
     * @throws AssertionError naming the count and the texts seen, when fewer were accepted within
     *     {@code timeout}, or on interruption
     */
    public List<SentMessage> awaitSentMessages(int count, Duration timeout) {
        return recorder.awaitSentMessages(count, timeout);
    }

    /**
     * Waits up to 10 seconds until a getUpdates long poll is waiting for updates.
     *
     * @throws AssertionError when no long poll waits in time, naming the getUpdates calls seen, or
     *     on interruption
     */
    public void awaitWaitingPoll() {
        awaitWaitingPoll(Await.DEFAULT_TIMEOUT);
    }

    /**
     * Waits until a getUpdates long poll is waiting for updates.
     *
     * @param timeout how long to wait at most
     * @throws AssertionError when no long poll waits within {@code timeout}, naming the getUpdates
     *     calls seen, or on interruption
     */
    public void awaitWaitingPoll(Duration timeout) {
        Await.until("a getUpdates long poll waiting", timeout, world::waitingPolls, n -> n > 0,
                n -> "none waiting after " + calls("getUpdates").size() + " getUpdates call(s)");
    }

    /**
     * The webhook URL set with setWebhook, or an empty string.
     *
     * @return the {@code https://} URL, or empty when none is set or it was deleted
     */
    public String webhookUrl() {
        return world.webhookUrl();
    }

    /**
     * The commands set with setMyCommands.
     *
     * @return the menu as last accepted, in order; empty before any call
     */
    public List<MenuCommand> myCommands() {
        return world.commands("");
    }

    /**
     * The commands set with setMyCommands for the users of one language.
     *
     * @param languageCode the {@code language_code} the menu was set for, such as {@code de}
     * @return the menu as last accepted for that language, in order; empty when none was set
     */
    public List<MenuCommand> myCommands(String languageCode) {
        return world.commands(languageCode);
    }

    /** Stops the server and wakes any waiting getUpdates. */
    @Override
    public void close() {
        world.endPolls();
        server.stop();
    }

    @Override
    public String toString() {
        return "FakeTelegramServer[" + apiUrl() + "]";
    }

    /** Configures a {@link FakeTelegramServer}. */
    public static final class Builder {
        private String token = DEFAULT_TOKEN;
        private String botUsername = "chorus_test_bot";

        private Builder() {}

        /**
         * The only token the fake accepts.
         *
         * @param value {@code <bot id>:<secret>}; the digits before the colon become the bot's
         *     user id
         * @return this builder, for chaining
         * @throws IllegalArgumentException when the token is not {@code <bot id>:<secret>}; the
         *     message does not repeat the token
         */
        public Builder token(String value) {
            if (value == null || !value.matches("[0-9]{1,15}:[^\\s]+")) {
                throw new IllegalArgumentException("a Telegram bot token has the form <bot id>:<secret>, such as"
                        + " 123456:ABC-DEF1234ghIkl; the one given does not");
            }
            this.token = value;
            return this;
        }

        /**
         * The bot's username, as getMe returns it.
         *
         * @param value the username without {@code @}; not null
         * @return this builder, for chaining
         */
        public Builder botUsername(String value) {
            this.botUsername = Objects.requireNonNull(value, "botUsername");
            return this;
        }

        /**
         * Starts the fake on a free loopback port.
         *
         * @return the running fake; close it after the test
         * @throws IllegalStateException when no loopback port can be bound
         */
        public FakeTelegramServer start() {
            try {
                return new FakeTelegramServer(this);
            } catch (IOException e) {
                throw new IllegalStateException("cannot bind the fake Telegram server on loopback", e);
            }
        }
    }
}
