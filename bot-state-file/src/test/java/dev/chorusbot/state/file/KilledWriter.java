package dev.chorusbot.state.file;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes to a file store without end, printing the number of each write once the store
 * acknowledged it (the call returned); the test kills this process with SIGKILL mid-stream.
 */
public final class KilledWriter {
    private KilledWriter() {}

    /**
     * Writes until killed.
     *
     * @param args the store's file
     */
    public static void main(String[] args) {
        FileStateStore store = FileStateStore.open(Path.of(args[0]));
        for (long i = 0; ; i++) {
            store.put("key:" + i, "value " + i, Duration.ZERO);
            store.increment("count", 1, Duration.ZERO);
            store.addToIndex("jobs", "job:" + i, i);
            System.out.println(i);
            System.out.flush();
        }
    }
}
