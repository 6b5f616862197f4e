package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.Storage;
import dev.tern.testkit.storage.StorageTransactionsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The StorageTransactions contract against H2, what it reads back after reopening coming from the file. */
class H2StorageTransactionsTest extends StorageTransactionsContract {

    @TempDir
    Path directory;

    @Override
    protected Storage openStorage() {
        return ReopenableStorage.openIn(directory);
    }

    @Override
    protected Storage openAgain() {
        return ReopenableStorage.openIn(directory);
    }
}
