package dev.chorusbot.testkit.telegram;

import dev.chorusbot.testkit.internal.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the bot did: every call in order of arrival, and every message the fake accepted. */
final class ApiRecorder {
    private final List<ApiCall> calls = new ArrayList<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final List<SentMedia> media = new ArrayList<>();

    void media(SentMedia accepted) {
        synchronized (media) {
            media.add(accepted);
        }
    }

    List<SentMedia> sentMedia() {
        synchronized (media) {
            return List.copyOf(media);
        }
    }

    List<SentMedia> awaitSentMedia(int count, Duration timeout) {
        return Await.until(count + " sent photo(s) or document(s)", timeout, this::sentMedia, l -> l.size() >= count,
                l -> l.size() + ": " + l);
    }

    void call(String method, String json, boolean viaWebhook, int status) {
        synchronized (calls) {
            calls.add(new ApiCall(method, json, viaWebhook, Instant.now(), status));
        }
    }

    void sent(SentMessage message) {
        synchronized (sent) {
            sent.add(message);
        }
    }

    List<ApiCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    List<ApiCall> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    List<SentMessage> sentMessages() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    List<ApiCall> awaitCalls(String method, int count, Duration timeout) {
        return Await.until(count + " " + method + " call(s)", timeout, () -> calls(method), l -> l.size() >= count,
                l -> l.size() + " " + method + " call(s); all calls: " + calls().stream().map(ApiCall::method).toList());
    }

    List<SentMessage> awaitSentMessages(int count, Duration timeout) {
        return Await.until(count + " sent message(s)", timeout, this::sentMessages, l -> l.size() >= count,
                l -> l.size() + ": " + l.stream().map(SentMessage::text).toList());
    }
}
