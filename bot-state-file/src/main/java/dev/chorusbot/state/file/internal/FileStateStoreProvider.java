package dev.chorusbot.state.file.internal;

import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.StateStoreProvider;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.state.file.FileStateStore;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** Opens the file store for {@code CHORUS_STATE=file:<path>}. */
public final class FileStateStoreProvider implements StateStoreProvider {

    /** A provider; does no work. */
    public FileStateStoreProvider() {}

    @Override
    public List<String> schemes() {
        return List.of("file");
    }

    @Override
    public StateStore create(String value, String source, Scheduler scheduler) {
        String text = value.strip().substring("file:".length());
        if (text.startsWith("//")) {
            text = text.substring(2); // file:///var/lib/x, as a URL would write it
        }
        if (text.isBlank()) {
            throw new ConfigurationException(source + " names no file: expected file:<path>, such as"
                    + " file:/var/lib/mybot/state");
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new ConfigurationException(source + " names a file that is not a valid path: " + e.getMessage());
        }
        return FileStateStore.open(path, scheduler, source);
    }
}
