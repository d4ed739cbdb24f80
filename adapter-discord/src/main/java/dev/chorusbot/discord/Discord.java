package dev.chorusbot.discord;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.Platform;
import java.util.Set;

/**
 * What every Discord adapter shares: the platform id and what Discord messages can show, for
 * {@code prefixes(Discord.PLATFORM, "!")} and the reply renderer.
 */
@Api(Api.Status.STABLE)
public final class Discord {
    /** The platform id, {@code discord}. */
    public static final Platform PLATFORM = Platform.of("discord");

    /**
     * Discord messages: up to 2000 characters of content (counted here in UTF-16 units, never more
     * than Discord's count), several lines, buttons (action rows of components whose
     * {@code custom_id} holds 1 to 100 characters, so longer data is kept in the state store), edits
     * of the bot's own messages; text is sent plain and media degrade to their caption and link.
     */
    public static final Capabilities CAPABILITIES = new Capabilities(true, 2000, Capabilities.LengthUnit.UTF16,
            Set.of(), true, false, false, true, 100);

    private Discord() {}
}
