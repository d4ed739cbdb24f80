package com.example;

import dev.chorusbot.core.Bot;

public final class MyPlatformBot {

    public static void main(String[] args) {
        Bot.builder()
                .command(MyBot.hello())
                .fromEnv()   // TELEGRAM_BOT_TOKEN, TWITCH_USERNAME, TWITCH_CLIENT_ID, CHORUS_WEBHOOK_PORT
                .build()
                .run();
    }
}
