package dev.chorusbot.discord;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PushAdapter;
import dev.chorusbot.core.webhook.WebhookDispatch;
import dev.chorusbot.core.webhook.WebhookEndpoint;
import dev.chorusbot.discord.internal.DiscordRest;
import dev.chorusbot.discord.internal.InteractionsWebhook;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord as a push platform: Discord POSTs slash commands and button presses, signed with the
 * application's Ed25519 key, to the Interactions endpoint ({@link #webhookPath()}, {@code /discord}
 * by default), and the bot answers in the HTTP response, or through the interaction's callback and
 * follow-ups when it answers more than once or later than the deadline. Nothing runs between
 * interactions, so the bot fits a serverless function. {@code /hello} arrives as the message
 * {@code /hello} from the member who used it, so {@code hello} answers {@code hello <name>!}
 * unchanged; a slash command's options arrive in the order of the command's arguments.
 *
 * <pre>{@code
 * Bot bot = Bot.builder()
 *         .command(HelloCommands.hello())
 *         .adapter(DiscordInteractionsAdapter.fromEnv())   // DISCORD_BOT_TOKEN, DISCORD_PUBLIC_KEY
 *         .webhookServer(WebhookServer.builder().port(8080).build())
 *         .build();
 * bot.run(); // serves /discord
 * }</pre>
 *
 * <p>Slash commands must be registered with Discord before users see them: {@link DiscordCommands}
 * (or {@link DiscordCommandsCli}), or {@link DiscordConfig.Builder#registerCommands(boolean)} to do
 * it in the background at every start.
 */
@Api(Api.Status.STABLE)
public final class DiscordInteractionsAdapter implements PushAdapter {
    private static final Logger log = LoggerFactory.getLogger(DiscordInteractionsAdapter.class);

    /** The platform id, {@code discord}. */
    public static final Platform PLATFORM = Discord.PLATFORM;

    /**
     * Discord messages ({@link Discord#CAPABILITIES}), and ephemeral replies: an answer to a slash
     * command or a button press may be shown to its user only (message flag 64).
     */
    public static final Capabilities CAPABILITIES = Discord.CAPABILITIES.withEphemeral(true);

    private static final Optional<String> SLASH = Optional.of("/");

    private final DiscordConfig config;
    private final InteractionsWebhook protocol;
    private final WebhookDispatch endpoint;
    private volatile DiscordRest rest;

    /**
     * An adapter for {@code config}; nothing is contacted before {@link #start(EventSink)}.
     *
     * @param config the token, the public key and the other settings; its mode is not consulted
     * @throws ConfigurationException when the configuration has no public key
     */
    public DiscordInteractionsAdapter(DiscordConfig config) {
        this.config = config;
        if (config.publicKey().isEmpty()) {
            throw new ConfigurationException("The Discord interactions adapter needs the application's public key:"
                    + " set DISCORD_PUBLIC_KEY (or DiscordConfig.Builder.publicKey) from the Developer Portal");
        }
        this.protocol = new InteractionsWebhook(config, config.signatureWindow());
        this.endpoint = new WebhookDispatch(protocol, config.interactionDeadline());
    }

    /**
     * The adapter configured by the process environment; see {@link #fromEnv(Map)}.
     *
     * @return a new adapter, not started
     * @throws ConfigurationException listing every bad or missing variable
     */
    public static DiscordInteractionsAdapter fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * The adapter configured by {@code env} as {@link DiscordConfig#fromEnv(Map)} reads it, in
     * interactions mode whatever {@code DISCORD_MODE} says.
     *
     * @param env the variables by name, such as {@code DISCORD_PUBLIC_KEY}; not null
     * @return a new adapter, not started
     * @throws ConfigurationException listing every bad or missing variable
     */
    public static DiscordInteractionsAdapter fromEnv(Map<String, String> env) {
        return new DiscordInteractionsAdapter(DiscordConfig.fromEnv(env));
    }

    /**
     * The configuration.
     *
     * @return the configuration the adapter was made with
     */
    public DiscordConfig config() {
        return config;
    }

    @Override
    public Platform platform() {
        return PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /**
     * {@code /}: a slash command arrives as {@code /name options…} whatever prefixes the bot
     * declared, so it is recognised by that alone, and {@code help} and button presses show
     * {@code /hello}, as the user types it in Discord.
     *
     * @return {@code /}
     */
    @Override
    public Optional<String> commandPrefix() {
        return SLASH;
    }

    @Override
    public String webhookPath() {
        return config.webhookPath();
    }

    /** The endpoint; it answers 503 before {@link #start(EventSink)} and after {@link #stopReceiving()}. */
    @Override
    public WebhookEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Opens the endpoint at once, without a network call; in a serverless function it first runs
     * the signature check once, so its first invocation does not load it. When asked to register the commands,
     * a long-running process does it in the background (the endpoint answers meanwhile, and a
     * failure is logged); a serverless function does not, since it would pay for it on every
     * cold start: register with {@link DiscordCommandsCli} once instead.
     *
     * @param sink the bot
     */
    @Override
    public void start(EventSink sink) {
        DiscordRest client = new DiscordRest(config, sink.scheduler(), sink.sendBudget());
        client.observe(sink.observer());
        this.rest = client;
        protocol.start(sink, client);
        if (sink.frozenBetweenRequests()) {
            // In the initialisation phase rather than the first invocation (see InteractionSignature.prime).
            protocol.prime();
        }
        endpoint.open(sink);
        if (config.registerCommands()) {
            if (sink.frozenBetweenRequests()) {
                log.info("Not registering the Discord commands from a serverless function; run DiscordCommandsCli");
            } else {
                new DiscordCommands(config, client).registerInBackground(sink.commands());
            }
        }
    }

    /** Sends a message the bot says on its own (a job, {@code bot.send}) to its channel through REST. */
    @Override
    public CompletableFuture<Void> send(Outbound message) {
        return protocol.send(message);
    }

    @Override
    public int pendingSends() {
        DiscordRest client = rest;
        return client == null ? 0 : client.pending();
    }

    /** Ready while the endpoint takes events: from {@link #start(EventSink)} to {@link #stopReceiving()}. */
    @Override
    public boolean isReady() {
        return endpoint.isOpen();
    }

    @Override
    public void stopReceiving() {
        endpoint.shut();
    }

    /** Sends what is queued (waiting at most the request timeout), then closes the REST client. */
    @Override
    public void close() {
        endpoint.shut();
        DiscordRest client = rest;
        if (client != null) {
            try {
                client.drained().get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.warn("Closing the Discord adapter with {} calls still unsent after {}", client.pending(),
                        config.requestTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // drained() never fails
            }
            client.close();
        }
    }

    @Override
    public String toString() {
        return "DiscordInteractionsAdapter[" + config.webhookPath() + ", application "
                + config.applicationId().orElse("-") + "]";
    }
}
