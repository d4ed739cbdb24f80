package dev.chorusbot.serverless.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Recognises the invocations of a cloud's scheduler, which run the bot's due jobs instead of
 * carrying a webhook request.
 */
public final class ScheduledTriggers {
    /**
     * The input to give an EventBridge Scheduler schedule (its target's {@code Input}), which has no
     * event shape of its own: the schedule delivers whatever input it was given.
     */
    public static final String RUN_DUE_JOBS = "run-due-jobs";

    /** The event type of a Yandex Cloud Functions timer trigger's message. */
    static final String YANDEX_TIMER = "yandex.cloud.events.serverless.triggers.TimerMessage";

    private ScheduledTriggers() {}

    /**
     * Whether a Lambda event comes from a scheduler: an EventBridge scheduled rule ({@code "source":
     * "aws.events"}, {@code "detail-type": "Scheduled Event"}), or any invoker, EventBridge
     * Scheduler included, whose input is {@code {"chorus": "run-due-jobs"}}.
     */
    public static boolean isAws(JsonNode event) {
        if (event == null || !event.isObject()) {
            return false;
        }
        return "aws.events".equals(event.path("source").asText(null))
                        && "Scheduled Event".equals(event.path("detail-type").asText(null))
                || RUN_DUE_JOBS.equals(event.path("chorus").asText(null));
    }

    /**
     * Whether a Yandex invocation is a timer trigger's: {@code {"messages": [{"event_metadata":
     * {"event_type": "yandex.cloud.events.serverless.triggers.TimerMessage", ...}, "details":
     * {"trigger_id": ..., "payload": ...}}]}}.
     */
    public static boolean isYandex(Map<String, Object> event) {
        if (event == null || !(event.get("messages") instanceof List<?> messages) || messages.isEmpty()) {
            return false;
        }
        return messages.stream().allMatch(m -> m instanceof Map<?, ?> message
                && message.get("event_metadata") instanceof Map<?, ?> metadata
                && YANDEX_TIMER.equals(metadata.get("event_type")));
    }
}
