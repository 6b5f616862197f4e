package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.Storage;
import dev.tern.testkit.storage.StorageTransactionsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The StorageTransactions contract against one Redis server; reopening connects anew under the same key prefix. */
class RedisStorageTransactionsTest extends StorageTransactionsContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final StorageUnderTest storage = new StorageUnderTest(REDIS);

    @Override
    protected Storage openStorage() {
        return storage.open();
    }

    @Override
    protected Storage openAgain() {
        return storage.open();
    }
}
