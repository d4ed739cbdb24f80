package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MayBeCommandTest {

    @Test
    void anAdapterCanSayAMessageIsNoCommand() {
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), null) {
            @Override
            public boolean mayBeCommand(Message message) {
                return !message.text().endsWith("(quoted)");
            }
        };
        Bot bot = Bot.builder().command(Fixtures.hello()).adapter(adapter).build();
        bot.start();
        assertThat(Fixtures.answer(bot, "!hello")).containsExactly("hello Viktor!");
        assertThat(Fixtures.answer(bot, "!hello (quoted)")).isEmpty();
        bot.stop();
    }
}
