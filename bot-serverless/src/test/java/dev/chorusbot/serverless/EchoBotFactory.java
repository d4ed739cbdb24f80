package dev.chorusbot.serverless;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The test bot: {@code hello} answers {@code hello <name>!}, {@code twice} answers with two
 * messages (the second must be sent through the API before the function returns). Registered in
 * the test {@code META-INF/services}, configured from {@code ECHO_API_URL} and
 * {@code ECHO_WEBHOOK_SECRET} when created by the runtime.
 */
public final class EchoBotFactory implements BotFactory {
    private final String apiUrl;
    private final String secret;

    /** Reads {@code ECHO_API_URL} and {@code ECHO_WEBHOOK_SECRET}. */
    public EchoBotFactory() {
        this(System.getenv("ECHO_API_URL"), System.getenv("ECHO_WEBHOOK_SECRET"));
    }

    EchoBotFactory(String apiUrl, String secret) {
        this.apiUrl = apiUrl;
        this.secret = secret;
    }

    @Override
    public Bot create() {
        List<String> problems = new ArrayList<>();
        if (apiUrl == null || apiUrl.isBlank()) {
            problems.add("ECHO_API_URL is not set: set it to the chat API's base URL");
        }
        if (secret == null || secret.isBlank()) {
            problems.add("ECHO_WEBHOOK_SECRET is not set: set it to the webhook secret");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return Bot.builder()
                .command(Command.named("hello")
                        .description("Say hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
                        .build())
                .command(Command.named("twice")
                        .description("Answer twice")
                        .handler(ctx -> Reply.of(Reply.text("one"), Reply.text("two")))
                        .build())
                .adapter(new EchoPushAdapter(apiUrl, secret))
                .build();
    }
}
