package dev.chorusbot.core;

import java.util.Map;
import java.util.Optional;

/**
 * Builds one platform's adapter from environment variables, for {@link Bot.Builder#fromEnv()} and
 * {@link BotEnvironment}. Core depends on no adapter: an adapter module names its provider in
 * {@code META-INF/services/dev.chorusbot.core.AdapterProvider}, and core finds it with {@link
 * java.util.ServiceLoader}. A provider only says which variable switches its adapter on and hands
 * the variables to its module's own {@code fromEnv}; every rule that spans platforms (one adapter
 * per platform, the webhook server's port, the console fallback) is applied once, by core.
 *
 * <p>An implementation is a public class with a public no-argument constructor that does no work:
 * providers are instantiated on every {@code fromEnv}, including a serverless function's cold
 * start, and only the switched-on ones build anything. {@link AbstractAdapterProvider} takes the
 * fixed answers in its constructor, leaving {@link #create} to write.
 *
 * <pre>{@code
 * public final class TelegramAdapterProvider implements AdapterProvider {
 *     public String variable() { return "TELEGRAM_BOT_TOKEN"; }
 *     public Platform platform() { return TelegramAdapter.PLATFORM; }
 *     public String description() { return "Telegram"; }
 *     public boolean canReceiveWebhooks() { return true; }
 *     public Adapter create(Map<String, String> env, boolean webhooksServed) { ... }
 * }
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public interface AdapterProvider {

    /**
     * The environment variable that switches this adapter on when it is set and not blank.
     *
     * @return the variable's name, such as {@code TELEGRAM_BOT_TOKEN}
     */
    String variable();

    /**
     * The platform of the adapter this provider builds; two switched-on providers of one platform
     * are refused, since a bot has one adapter per platform.
     *
     * @return the platform, such as {@code twitch}
     */
    Platform platform();

    /**
     * What the adapter connects to, for the sentences of a {@link ConfigurationException}.
     *
     * @return a short noun phrase, such as {@code Telegram} or {@code Twitch chat over IRC}
     */
    String description();

    /**
     * Whether the adapter can receive its events as webhooks (as a {@link PushAdapter}), so that a
     * serverless function can serve it. An adapter that always reads on its own threads (Twitch IRC)
     * says no and is refused in a function by its variable.
     *
     * @return {@code true} when some configuration of the adapter is a {@link PushAdapter}
     */
    boolean canReceiveWebhooks();

    /**
     * A variable of this adapter's own that also gives the port of the embedded webhook server,
     * honoured beside {@value BotEnvironment#PORT} (they must agree). Most adapters have none.
     *
     * @return the variable's name, or empty (the default)
     */
    default Optional<String> portVariable() {
        return Optional.empty();
    }

    /**
     * Builds the adapter from the variables; called only when {@link #variable()} is set.
     *
     * @param env every variable, by name; not null
     * @param webhooksServed whether webhooks will reach the bot (an embedded webhook server in a
     *     process, or a function): an adapter that can either receive webhooks or read on its own
     *     threads chooses webhooks by default when this is {@code true}
     * @return a new adapter, not started
     * @throws ConfigurationException listing every problem with the variables, each naming its
     *     variable
     */
    Adapter create(Map<String, String> env, boolean webhooksServed);
}
