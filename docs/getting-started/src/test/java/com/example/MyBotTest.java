package com.example;

import dev.chorusbot.core.Bot;
import dev.chorusbot.testkit.TestBot;
import org.junit.jupiter.api.Test;

class MyBotTest {

    @Test
    void greetsTheSender() {
        try (TestBot bot = TestBot.start(Bot.builder().command(MyBot.hello()))) {
            bot.send("!hello").assertReply("hello Viktor!");
            bot.send("just chatting").assertNoReply();
        }
    }
}
