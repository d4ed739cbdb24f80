package dev.chorusbot.testkit.twitch;

import java.util.ArrayList;
import java.util.List;

/** Every line clients sent, and the PRIVMSGs Twitch would have shown. */
final class IrcRecorder {
    private final List<String> received = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();

    synchronized void received(String line) {
        received.add(line);
    }

    synchronized void accepted(String privmsg) {
        accepted.add(privmsg);
    }

    synchronized List<String> received() {
        return List.copyOf(received);
    }

    synchronized int receivedCount() {
        return received.size();
    }

    synchronized List<String> accepted() {
        return List.copyOf(accepted);
    }

    synchronized void clear() {
        received.clear();
        accepted.clear();
    }
}
