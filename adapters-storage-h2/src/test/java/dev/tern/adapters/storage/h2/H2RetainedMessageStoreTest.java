package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.testkit.storage.RetainedMessageStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The RetainedMessageStore contract against H2, every round trip read back after closing and reopening the file. */
class H2RetainedMessageStoreTest extends RetainedMessageStoreContract {

    @TempDir
    Path directory;

    private ReopenableStorage storage;

    @Override
    protected RetainedMessageStore createStore() {
        storage = new ReopenableStorage(directory);
        return storage.open(H2Storage::retained);
    }

    @Override
    protected RetainedMessageStore reopen(RetainedMessageStore current) {
        return storage.reopen(H2Storage::retained);
    }

    @Override
    protected void close(RetainedMessageStore current) {
        storage.close();
    }
}
