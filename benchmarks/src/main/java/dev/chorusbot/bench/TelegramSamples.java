package dev.chorusbot.bench;

import java.nio.charset.StandardCharsets;

/** Telegram updates as the Bot API sends them, for the Telegram benchmarks. */
final class TelegramSamples {
    private TelegramSamples() {}

    /** The token the benchmark bots run with (a well-formed, fake one). */
    static final String TOKEN = "7000000001:AAFakeTokenForChorusBenchmarks_0123456789";
    /** The benchmark bot's username, configured so no getMe is needed at start. */
    static final String USERNAME = "chorus_bench_bot";
    /** The webhook secret the benchmark bots expect. */
    static final String SECRET = "bench-secret_0123456789";

    /**
     * A {@code /hello} in a supergroup topic, answering another message, about 1 KB: the fields a
     * current client sends, including some the adapter does not read.
     */
    static byte[] helloUpdate(long updateId, long chatId, long userId) {
        return helloUpdate(updateId, chatId, userId, true);
    }

    /**
     * The same update; {@code addressed} says whether the command names the bot ({@code
     * /hello@chorus_bench_bot}, which a bot without a configured username can answer only once
     * getMe told it its own) or not ({@code /hello}, for every bot in the group).
     */
    static byte[] helloUpdate(long updateId, long chatId, long userId, boolean addressed) {
        String command = addressed ? "/hello@" + USERNAME : "/hello";
        String json = """
                {"update_id":%d,"message":{"message_id":%d,"message_thread_id":1055,"from":{"id":%d,\
                "is_bot":false,"first_name":"Anna","last_name":"Smith","username":"anna_smith",\
                "language_code":"en","is_premium":true},"chat":{"id":%d,"title":"Chorus benchmark group",\
                "is_forum":true,"type":"supergroup"},"date":1764361200,"is_topic_message":true,\
                "reply_to_message":{"message_id":1055,"message_thread_id":1055,"from":{"id":1087968824,\
                "is_bot":true,"first_name":"Group","username":"GroupAnonymousBot"},"sender_chat":{"id":%d,\
                "title":"Chorus benchmark group","is_forum":true,"type":"supergroup"},"chat":{"id":%d,\
                "title":"Chorus benchmark group","is_forum":true,"type":"supergroup"},"date":1764300000,\
                "forum_topic_created":{"name":"Bots","icon_color":7322096,"icon_custom_emoji_id":\
                "5309832892262654231"},"is_topic_message":true},"text":"%s how are you?",\
                "entities":[{"offset":0,"length":%d,"type":"bot_command"}],"link_preview_options":\
                {"is_disabled":true},"has_protected_content":false}}"""
                .formatted(updateId, updateId % 1_000_000 + 2000, userId, chatId, chatId, chatId, command,
                        command.length());
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
