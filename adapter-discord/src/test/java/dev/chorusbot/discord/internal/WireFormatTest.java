package dev.chorusbot.discord.internal;

import dev.chorusbot.core.Button;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Format;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.discord.DiscordConfig;
import dev.chorusbot.testkit.Golden;
import dev.chorusbot.testkit.discord.DiscordCall;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact JSON bodies sent to Discord, against golden files under {@code golden/discord/}. */
class WireFormatTest {
    private static final Chat CHANNEL = new Chat("1100000000000000001", Chat.Kind.GROUP, "general", Optional.empty());

    private final FakeDiscordApi discord = FakeDiscordApi.start();
    private final DiscordRest rest = new DiscordRest(DiscordConfig.builder().token(discord.token())
            .apiUrl(discord.apiUrl()).build(), Scheduler.system());

    @AfterEach
    void stop() {
        discord.close();
    }

    private String sentJson(Outbound message) throws Exception {
        rest.send(message).get(20, TimeUnit.SECONDS);
        DiscordCall call = discord.calls().get(0);
        String nonce = call.json().replaceAll(".*\"nonce\":\"([^\"]*)\".*", "$1");
        return Golden.stable(call.json(), Map.of("\"" + nonce + "\"", "\"{nonce}\""));
    }

    @Test
    void aPlainMessage() throws Exception {
        Golden.assertJson("golden/discord/create-message-plain.json",
                sentJson(Outbound.text(CHANNEL, "hello Viktor!")));
    }

    @Test
    void aReplyWithButtons() throws Exception {
        Outbound reply = new Outbound(CHANNEL, "You rolled 4.", Format.PLAIN,
                List.of(List.of(Button.of("Roll again", "roll 1d6"), Button.of("Two dice", "roll 2d6"))),
                Optional.of("1200000000000000007"));

        Golden.assertJson("golden/discord/create-message-reply-buttons.json", sentJson(reply));
    }

    @Test
    void anEditOfTheButtonsOnly() throws Exception {
        Outbound edit = new Outbound(CHANNEL, "", Format.PLAIN, List.of(List.of(Button.of("Undo", "undo"))),
                Optional.empty(), Optional.empty(), Optional.of("1200000000000000009"));

        rest.send(edit).get(20, TimeUnit.SECONDS);

        Golden.assertJson("golden/discord/edit-message-buttons.json", discord.calls().get(0).json());
    }
}
