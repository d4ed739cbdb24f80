package dev.chorusbot.serverless;

/** Telegram-shaped update bodies shared by the entry-point tests. */
final class Updates {
    static final String SECRET = "s3cr3t-webhook-token";

    private Updates() {}

    /** A private message {@code text} from Viktor (id 7) in chat 42. */
    static String message(long updateId, String text) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId
                + ",\"date\":1700000000,\"chat\":{\"id\":42,\"type\":\"private\",\"first_name\":\"Viktor\"},"
                + "\"from\":{\"id\":7,\"is_bot\":false,\"first_name\":\"Viktor\"},\"text\":\"" + text + "\"}}";
    }

    /** An update of a kind the bot does not handle (a poll). */
    static String unknownKind(long updateId) {
        return "{\"update_id\":" + updateId + ",\"poll\":{\"id\":\"5\",\"question\":\"?\",\"options\":[]}}";
    }

    /** A body cut off mid-object. */
    static final String MALFORMED = "{\"update_id\": 9, \"message\": {";
}
