package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.InflightStore;
import dev.tern.testkit.storage.InflightStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The InflightStore contract against H2, every round trip read back after closing and reopening the file. */
class H2InflightStoreTest extends InflightStoreContract {

    @TempDir
    Path directory;

    private ReopenableStorage storage;

    @Override
    protected InflightStore createStore() {
        storage = new ReopenableStorage(directory);
        return storage.open(H2Storage::inflight);
    }

    @Override
    protected InflightStore reopen(InflightStore current) {
        return storage.reopen(H2Storage::inflight);
    }

    /** H2 cannot carry a cluster: it keeps no forward receipts. */
    @Override
    protected boolean keepsForwardReceipts() {
        return false;
    }

    @Override
    protected void close(InflightStore current) {
        storage.close();
    }
}
