package dev.chorusbot.twitch.eventsub;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.ConfigurationException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Manages the bot's chat subscriptions from a shell, with the same environment variables as the
 * adapter:
 *
 * <pre>
 * java -cp bot.jar dev.chorusbot.twitch.eventsub.TwitchEventSubCli subscribe https://bot.example.com/twitch
 * java -cp bot.jar dev.chorusbot.twitch.eventsub.TwitchEventSubCli list
 * java -cp bot.jar dev.chorusbot.twitch.eventsub.TwitchEventSubCli unsubscribe [id ...]
 * </pre>
 *
 * {@code subscribe} takes the callback URL from its argument or {@code TWITCH_EVENTSUB_CALLBACK}
 * and waits up to ten seconds for Twitch to verify new subscriptions (the bot must be running there);
 * {@code unsubscribe} without ids deletes the configured channels' chat subscriptions (all of the
 * application's when no channel is configured). Exit status: 0 done, 1 Twitch refused, 2 bad usage
 * or configuration.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class TwitchEventSubCli {
    private static final String PENDING = "webhook_callback_verification_pending";
    private static final Duration VERIFICATION_WAIT = Duration.ofSeconds(10);
    private static final String USAGE = "usage: TwitchEventSubCli subscribe [callback-url] | list | unsubscribe [id ...]";

    private TwitchEventSubCli() {}

    /**
     * Runs one command and exits with its status.
     *
     * @param args {@code subscribe [callback-url]}, {@code list} or {@code unsubscribe [id ...]}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * Runs one command.
     *
     * @param args the command and its arguments
     * @param env the environment to read the configuration from
     * @param out where results are printed, one subscription a line
     * @param err where usage, configuration problems and Twitch's refusals are printed
     * @return the exit status: 0 done, 1 Twitch refused, 2 bad usage or configuration
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            TwitchEventSubConfig config = TwitchEventSubConfig.fromEnv(env);
            ChatSubscriptions subscriptions = new ChatSubscriptions(config);
            switch (args[0]) {
                case "subscribe" -> {
                    URI callback = rest.isEmpty() ? config.callback().orElse(null) : URI.create(rest.get(0));
                    if (callback == null) {
                        err.println("subscribe needs the webhook's public URL: pass it or set TWITCH_EVENTSUB_CALLBACK.");
                        return 2;
                    }
                    List<EventSubSubscription> ensured = awaitVerification(subscriptions,
                            subscriptions.ensure(callback));
                    ensured.forEach(s -> out.println(line(s)));
                    if (ensured.stream().anyMatch(s -> !s.status().equals("enabled"))) {
                        err.println("Twitch has not verified every subscription: the bot must be running at "
                                + config.mask(TwitchEventSubConfig.shown(callback))
                                + " with the same TWITCH_EVENTSUB_SECRET to answer Twitch's challenge.");
                        return 1;
                    }
                }
                case "list" -> {
                    List<EventSubSubscription> all = subscriptions.list();
                    all.forEach(s -> out.println(line(s)));
                    out.println(all.size() + " channel.chat.message subscription(s)");
                }
                case "unsubscribe" -> {
                    if (rest.isEmpty()) {
                        subscriptions.removeAll().forEach(s -> out.println("deleted " + line(s)));
                    } else {
                        for (String id : rest) {
                            subscriptions.remove(id);
                            out.println("deleted " + id);
                        }
                    }
                }
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (ConfigurationException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (TwitchApiException e) {
            err.println(e.getMessage());
            if (e instanceof AppTokenRefusedException) {
                return 1; // the message names TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET already
            }
            if (e.status() == 403) {
                err.println("The bot account must grant user:read:chat and user:bot to the application, and the"
                        + " broadcaster channel:bot (or make the bot a moderator).");
            } else if (e.status() == 409) {
                err.println("A subscription for this channel exists with another callback URL: see it with 'list'"
                        + " and delete it with 'unsubscribe <id>'.");
            }
            return 1;
        } catch (IOException e) {
            err.println("Twitch could not be reached: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Twitch verifies a new subscription right after creating it, by calling the webhook: wait up to
     * ten seconds for the pending ones to be decided, so the status printed is the real outcome.
     */
    private static List<EventSubSubscription> awaitVerification(ChatSubscriptions subscriptions,
            List<EventSubSubscription> ensured) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + VERIFICATION_WAIT.toNanos();
        List<EventSubSubscription> current = ensured;
        while (current.stream().anyMatch(s -> s.status().equals(PENDING)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            Map<String, EventSubSubscription> byId = new HashMap<>();
            subscriptions.list().forEach(s -> byId.put(s.id(), s));
            current = current.stream().map(s -> byId.getOrDefault(s.id(), s)).toList();
        }
        return current;
    }

    private static String line(EventSubSubscription s) {
        return s.id() + "  " + s.status() + "  broadcaster " + s.broadcasterUserId().orElse("-") + "  -> "
                + s.callback();
    }
}
