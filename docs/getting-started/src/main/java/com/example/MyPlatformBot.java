package com.example;

import dev.chorusbot.core.Bot;
import dev.chorusbot.telegram.TelegramConfig;
import dev.chorusbot.twitch.TwitchAdapter;
import dev.chorusbot.twitch.TwitchConfig;

public final class MyPlatformBot {

    public static void main(String[] args) {
        Bot.builder()
                .command(MyBot.hello())
                .adapter(TelegramConfig.fromEnv().adapter())         // TELEGRAM_BOT_TOKEN
                .adapter(new TwitchAdapter(TwitchConfig.fromEnv()))  // TWITCH_USERNAME, TWITCH_OAUTH_TOKEN, TWITCH_CHANNELS
                .build()
                .run();
    }
}
