package dev.chorusbot.examples;

import dev.chorusbot.core.Arg;
import dev.chorusbot.core.BotCommand;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.UsageException;
import dev.chorusbot.twitch.TwitchAdapter;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Moderator commands that move the bot between Twitch channels while it runs: {@code !join friend}
 * and {@code !part friend}. The adapter keeps the list in the bot's state store, so the bot is back
 * in the same channels after a restart, and spreads many channels over several IRC connections.
 */
public final class TwitchChannelCommands {
    private final Supplier<Optional<TwitchAdapter>> twitch;

    /** Commands acting on the bot's Twitch IRC adapter, once {@code twitch} has one. */
    public TwitchChannelCommands(Supplier<Optional<TwitchAdapter>> twitch) {
        this.twitch = Objects.requireNonNull(twitch, "twitch");
    }

    /** {@code join <channel>}: the bot joins that Twitch channel; moderators only. */
    @BotCommand(description = "Join a Twitch channel", role = Role.MODERATOR)
    public String join(@Arg("channel") String channel) {
        TwitchAdapter adapter = adapter();
        try {
            adapter.join(channel);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return "Joining #" + name(channel) + ".";
    }

    /** {@code part <channel>}: the bot leaves that Twitch channel; moderators only. */
    @BotCommand(description = "Leave a Twitch channel", role = Role.MODERATOR)
    public String part(@Arg("channel") String channel) {
        TwitchAdapter adapter = adapter();
        try {
            adapter.part(channel);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return "Left #" + name(channel) + ".";
    }

    private TwitchAdapter adapter() {
        return twitch.get().orElseThrow(() -> new UsageException("this bot does not run on Twitch IRC"));
    }

    private static String name(String channel) {
        String trimmed = channel.strip();
        return (trimmed.startsWith("#") ? trimmed.substring(1) : trimmed).toLowerCase(java.util.Locale.ROOT);
    }
}
