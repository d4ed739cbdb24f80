package dev.chorusbot.bench.compare;

import dev.chorusbot.bench.DiscordGatewayLatency;
import java.util.ArrayList;
import java.util.List;

/**
 * Gateway event to reply latency, Chorus and JDA alternated in one run against the same fakes
 * ({@link DiscordGatewayLatency}): each round runs Chorus, then JDA, each on fresh fakes with its
 * own warm-up. Options: {@code --warmup N} (2000), {@code --messages N} (5000), {@code --rounds N}
 * (3).
 *
 * <p>Run: {@code java -cp benchmarks-compare/target/benchmarks-compare-jmh.jar
 * dev.chorusbot.bench.compare.DiscordGatewayComparison --rounds 3}
 */
public final class DiscordGatewayComparison {
    private DiscordGatewayComparison() {}

    /**
     * Runs the rounds and prints each result.
     *
     * @param args the options
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        int warmup = option(args, "--warmup", 2000);
        int messages = option(args, "--messages", 5000);
        int rounds = option(args, "--rounds", 3);
        List<DiscordGatewayLatency.Contender> contenders = List.of(DiscordGatewayLatency.CHORUS,
                new JdaGatewayHelloBot());
        List<DiscordGatewayLatency.Result> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (DiscordGatewayLatency.Contender contender : contenders) {
                DiscordGatewayLatency.Result result = DiscordGatewayLatency.run(contender, warmup, messages);
                results.add(result);
                System.out.println("round " + round + ": " + result);
            }
        }
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
