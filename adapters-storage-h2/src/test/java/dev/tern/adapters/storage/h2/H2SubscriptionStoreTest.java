package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.testkit.storage.SubscriptionStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SubscriptionStore contract against H2, every round trip read back after closing and reopening the file. */
class H2SubscriptionStoreTest extends SubscriptionStoreContract {

    @TempDir
    Path directory;

    private ReopenableStorage storage;

    @Override
    protected SubscriptionStore createStore() {
        storage = new ReopenableStorage(directory);
        return storage.open(H2Storage::subscriptions);
    }

    @Override
    protected SubscriptionStore reopen(SubscriptionStore current) {
        return storage.reopen(H2Storage::subscriptions);
    }

    @Override
    protected void close(SubscriptionStore current) {
        storage.close();
    }
}
