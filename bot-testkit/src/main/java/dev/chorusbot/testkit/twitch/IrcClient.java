package dev.chorusbot.testkit.twitch;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One client connection and what the server knows of it: capabilities, login, channels. */
abstract class IrcClient {
    final Set<String> caps = new HashSet<>();
    final Set<String> channels = ConcurrentHashMap.newKeySet();
    volatile String pass;
    volatile String nick;
    volatile boolean loggedIn;
    private boolean paused;

    /** Stops (or resumes) reading what the client sends; only a TCP or TLS client can. */
    void pauseReading(boolean value) {
        synchronized (this) {
            paused = value;
            notifyAll();
        }
    }

    /** Waits while reading is paused, until resumed or {@code closed} says the connection ended. */
    void awaitReading(java.util.function.BooleanSupplier closed) {
        synchronized (this) {
            while (paused && !closed.getAsBoolean()) {
                try {
                    wait(50); // also wakes to notice a close
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Sends one line; the line ending is added. */
    abstract void send(String line);

    /** Sends text exactly as given. */
    abstract void sendChunk(String chunk);

    /** Drops the connection without a word. */
    abstract void close();

    String nickOr(String fallback) {
        return nick == null ? fallback : nick;
    }

    /** Tags only reach clients that asked for them. */
    String tagged(String tags) {
        return caps.contains("twitch.tv/tags") ? tags + " " : "";
    }
}
