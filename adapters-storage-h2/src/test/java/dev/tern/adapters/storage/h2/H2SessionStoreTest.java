package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.SessionStore;
import dev.tern.testkit.storage.SessionStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SessionStore contract against H2, every round trip read back after closing and reopening the file. */
class H2SessionStoreTest extends SessionStoreContract {

    @TempDir
    Path directory;

    private ReopenableStorage storage;

    @Override
    protected SessionStore createStore() {
        storage = new ReopenableStorage(directory);
        return storage.open(H2Storage::sessions);
    }

    @Override
    protected SessionStore reopen(SessionStore current) {
        return storage.reopen(H2Storage::sessions);
    }

    @Override
    protected void close(SessionStore current) {
        storage.close();
    }
}
