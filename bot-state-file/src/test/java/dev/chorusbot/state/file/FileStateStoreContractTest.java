package dev.chorusbot.state.file;

import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.StateStoreContract;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** The {@link StateStore} contract against the SQLite file store, a new file per test. */
class FileStateStoreContractTest extends StateStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StateStore newStore() {
        return FileStateStore.open(dir.resolve("state-" + UUID.randomUUID()));
    }
}
