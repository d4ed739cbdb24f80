package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An adapter whose platform marks commands itself (as Discord's slash commands do) with {@code /}. */
class PlatformCommandPrefixTest {
    private final Fixtures.RecordingAdapter adapter =
            new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), null) {
                @Override
                public Optional<String> commandPrefix() {
                    return Optional.of("/");
                }
            };
    private final Bot bot = Bot.builder().prefixes("!").command(Fixtures.hello()).adapter(adapter).build();

    @BeforeEach
    void start() {
        bot.start();
    }

    @AfterEach
    void stop() {
        bot.stop();
    }

    @Test
    void recognisesThePlatformsPrefixWhateverTheBotsPrefixesAre() {
        assertThat(Fixtures.answer(bot, "/hello")).containsExactly("hello Viktor!");
        assertThat(Fixtures.answer(bot, "!hello")).isEmpty();
    }

    @Test
    void helpShowsThePlatformsPrefix() {
        assertThat(Fixtures.answer(bot, "/help").get(0)).contains("\n/hello — Say hello").doesNotContain("!");
    }

    @Test
    void helpFromAButtonShowsThePlatformsPrefix() {
        ButtonPress press = new ButtonPress(Fixtures.TEST, "press-1", Fixtures.GROUP, Fixtures.VIKTOR, "help",
                Optional.of("77"), Instant.EPOCH, null);

        assertThat(bot.handle(press).texts().get(0)).contains("\n/hello — Say hello").doesNotContain("!");
    }

    @Test
    void anAdapterWithoutAPrefixOfItsOwnKeepsTheBotsPrefixes() {
        Fixtures.RecordingAdapter plain = new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), null);
        Bot other = Bot.builder().prefixes("!").command(Fixtures.hello()).adapter(plain).build();
        other.start();
        try {
            ButtonPress press = new ButtonPress(Fixtures.TEST, "press-2", Fixtures.GROUP, Fixtures.VIKTOR, "help",
                    Optional.of("77"), Instant.EPOCH, null);

            assertThat(Fixtures.answer(other, "!hello")).containsExactly("hello Viktor!");
            assertThat(Fixtures.answer(other, "/hello")).isEmpty();
            assertThat(other.handle(press).texts().get(0)).contains("\n!hello — Say hello");
        } finally {
            other.stop();
        }
    }
}
