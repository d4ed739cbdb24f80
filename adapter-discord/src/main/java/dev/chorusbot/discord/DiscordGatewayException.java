package dev.chorusbot.discord;

import dev.chorusbot.core.Api;

/**
 * Discord closed the Gateway connection with a code after which reconnecting cannot help
 * (Opcodes and Status Codes: the close codes whose "Reconnect" is false): the Gateway adapter
 * stops and reports this through {@code EventSink.stopped}. {@link #code()} is the close code as
 * text, {@link #reason()} Discord's description, and the message says what to change. Never
 * contains the bot token.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class DiscordGatewayException extends DiscordException {
    /** The WebSocket close code Discord sent. */
    private final int closeCode;

    /**
     * The Gateway's refusal with {@code closeCode}.
     *
     * @param closeCode the WebSocket close code, such as 4004 or 4014
     * @param reason the reason Discord gave with it, possibly empty
     */
    public DiscordGatewayException(int closeCode, String reason) {
        super("Gateway", Integer.toString(closeCode), reason, "The Discord Gateway closed the connection with "
                + closeCode + (reason.isEmpty() ? "" : " (" + reason + ")") + ": " + advice(closeCode));
        this.closeCode = closeCode;
    }

    /**
     * The close code Discord sent.
     *
     * @return 4004 (authentication failed), 4010 (invalid shard), 4011 (sharding required), 4012
     *     (invalid API version), 4013 (invalid intents) or 4014 (disallowed intents)
     */
    public int closeCode() {
        return closeCode;
    }

    /**
     * Whether the Gateway adapter gives up after {@code closeCode} instead of reconnecting.
     *
     * @param closeCode a WebSocket close code
     * @return true for 4004 and 4010 to 4014
     */
    public static boolean isFatal(int closeCode) {
        return closeCode == 4004 || (closeCode >= 4010 && closeCode <= 4014);
    }

    private static String advice(int code) {
        return switch (code) {
            case 4004 -> "authentication failed: DISCORD_BOT_TOKEN is not the bot's current token"
                    + " (reset it on the Bot page of the Developer Portal and configure the new one)";
            case 4010 -> "invalid shard: the shard id must be below the shard count";
            case 4011 -> "sharding required: the bot is in too many guilds for one connection; leave the shard"
                    + " count to GET /gateway/bot or configure more shards";
            case 4012 -> "invalid API version: Chorus speaks Gateway v10";
            case 4013 -> "invalid intents: the intents are not a valid bit set";
            case 4014 -> "disallowed intents: switch on the privileged intents the bot asks for (MESSAGE_CONTENT"
                    + " for reading messages) under Privileged Gateway Intents on the Bot page of the Developer"
                    + " Portal, or leave them out of the configured intents";
            default -> "the connection was refused";
        };
    }
}
