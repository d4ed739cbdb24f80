package dev.chorusbot.core;

import java.util.Objects;

/**
 * An {@link AdapterProvider} whose fixed answers are given once, to the constructor, so a provider
 * writes only its no-argument constructor and {@link #create}.
 *
 * <pre>{@code
 * public final class TwitchAdapterProvider extends AbstractAdapterProvider {
 *     public TwitchAdapterProvider() {
 *         super("TWITCH_USERNAME", TwitchAdapter.PLATFORM, "Twitch chat over IRC", false);
 *     }
 *
 *     public Adapter create(Map<String, String> env, boolean webhooksServed) {
 *         return new TwitchAdapter(TwitchConfig.fromEnv(env));
 *     }
 * }
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public abstract class AbstractAdapterProvider implements AdapterProvider {
    private final String variable;
    private final Platform platform;
    private final String description;
    private final boolean canReceiveWebhooks;

    /**
     * The provider's fixed answers.
     *
     * @param variable the {@link #variable()} that switches the adapter on
     * @param platform the {@link #platform()} the adapter serves
     * @param description the {@link #description()} for messages
     * @param canReceiveWebhooks the answer of {@link #canReceiveWebhooks()}
     * @throws NullPointerException if an argument is null
     */
    protected AbstractAdapterProvider(String variable, Platform platform, String description,
            boolean canReceiveWebhooks) {
        this.variable = Objects.requireNonNull(variable, "variable");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.description = Objects.requireNonNull(description, "description");
        this.canReceiveWebhooks = canReceiveWebhooks;
    }

    @Override
    public final String variable() {
        return variable;
    }

    @Override
    public final Platform platform() {
        return platform;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final boolean canReceiveWebhooks() {
        return canReceiveWebhooks;
    }
}
