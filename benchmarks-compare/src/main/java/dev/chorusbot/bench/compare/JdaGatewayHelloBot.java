package dev.chorusbot.bench.compare;

import dev.chorusbot.bench.DiscordGatewayLatency;
import java.net.URI;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * The hello bot written with JDA, pointed at the same fakes as Chorus: the REST base URL through
 * {@link RestConfig#setBaseUrl(String)}, the Gateway URL through its {@code SessionController}
 * ({@code getGateway()}), no transport compression (the fake speaks plain JSON, as Chorus does),
 * the intents Chorus asks for by default (JDA always adds GUILDS). It answers {@code !hello} with a reply
 * {@code hello <member's effective name>!}.
 */
public final class JdaGatewayHelloBot implements DiscordGatewayLatency.Contender {
    @Override
    public String name() {
        return "jda";
    }

    @Override
    public AutoCloseable start(URI apiUrl, URI gatewayUrl, String token) throws Exception {
        String gateway = gatewayUrl.toString();
        JDA jda = JDABuilder.createLight(token, GatewayIntent.GUILD_MESSAGES,
                        GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
                .setCompression(Compression.NONE)
                .setRestConfig(new RestConfig().setBaseUrl(apiUrl.toString()))
                .setSessionController(new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                })
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onMessageReceived(MessageReceivedEvent event) {
                        if (event.getAuthor().isBot() || !event.getMessage().getContentRaw().equals("!hello")) {
                            return;
                        }
                        String name = event.getMember() != null ? event.getMember().getEffectiveName()
                                : event.getAuthor().getEffectiveName();
                        event.getMessage().reply("hello " + name + "!").queue();
                    }
                })
                .build();
        jda.awaitReady();
        return () -> {
            jda.shutdown();
            jda.awaitShutdown();
        };
    }
}
