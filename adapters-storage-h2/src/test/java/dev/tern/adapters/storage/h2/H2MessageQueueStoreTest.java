package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.testkit.storage.MessageQueueStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The MessageQueueStore contract against H2, every round trip read back after closing and reopening the file. */
class H2MessageQueueStoreTest extends MessageQueueStoreContract {

    @TempDir
    Path directory;

    private ReopenableStorage storage;

    @Override
    protected MessageQueueStore createStore() {
        storage = new ReopenableStorage(directory);
        return storage.open(H2Storage::queues);
    }

    @Override
    protected MessageQueueStore reopen(MessageQueueStore current) {
        return storage.reopen(H2Storage::queues);
    }

    @Override
    protected void close(MessageQueueStore current) {
        storage.close();
    }
}
