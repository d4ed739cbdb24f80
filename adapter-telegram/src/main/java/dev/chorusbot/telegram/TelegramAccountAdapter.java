package dev.chorusbot.telegram;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Attachment;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import dev.chorusbot.telegram.internal.SendQueue;
import dev.chorusbot.telegram.internal.TelegramAccount;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What both Telegram adapters answer alike, from the bot account they serve: the platform and its
 * capabilities, sending, the bot's own user, command recognition and roles. The subclasses differ
 * only in how updates arrive (a webhook, or a polling thread).
 */
abstract sealed class TelegramAccountAdapter implements Adapter permits TelegramAdapter, TelegramPollingAdapter {
    /** The bot account, shared by receiving and sending. */
    final TelegramAccount account;

    TelegramAccountAdapter(TelegramConfig config) {
        this.account = new TelegramAccount(config);
    }

    @Override
    public Platform platform() {
        return TelegramAdapter.PLATFORM;
    }

    /** Inline keyboards, 4096 UTF-16 units, HTML and MarkdownV2, multi-line, {@code /cmd@bot}. */
    @Override
    public Capabilities capabilities() {
        return TelegramAdapter.CAPABILITIES;
    }

    @Override
    public CompletableFuture<Void> send(Outbound message) {
        return account.send(message);
    }

    /** getFile, then the file's URL; Telegram serves bots files of up to 20 MB. */
    @Override
    public CompletableFuture<byte[]> download(Attachment attachment, long maxBytes) {
        return account.download(attachment, maxBytes);
    }

    /** The bot's account: from getMe, or the configured username and the id in the token. */
    @Override
    public Optional<User> self() {
        return account.self();
    }

    /**
     * Telegram marks a command with a {@code bot_command} entity at offset 0; text that starts
     * with {@code /} without one (a {@code /hello} in a code block, {@code /} followed by a space)
     * is not a command. Other prefixes ({@code !hello}) carry no entity and stay candidates.
     */
    @Override
    public boolean mayBeCommand(Message message) {
        return TelegramCommands.mayBeCommand(message);
    }

    /** Private chat: the user owns it. Groups: creator owner, administrators moderators (cached getChatAdministrators). */
    @Override
    public Set<Role> rolesOf(User user, Chat chat) {
        return account.rolesOf(user, chat);
    }

    /** Ready once started and, with a webhook URL configured, once setWebhook succeeded. */
    @Override
    public boolean isReady() {
        return account.isRegistered();
    }

    /** Messages queued for the Bot API or in flight; 0 before the adapter started. */
    @Override
    public int pendingSends() {
        SendQueue queue = account.queue();
        return queue == null ? 0 : queue.pending();
    }

    /**
     * The Bot API client this adapter sends with, for calls the neutral model does not cover.
     *
     * @return the client; calls made on it bypass the adapter's send pacing and retries
     */
    public TelegramBotApi api() {
        return account.api();
    }
}
