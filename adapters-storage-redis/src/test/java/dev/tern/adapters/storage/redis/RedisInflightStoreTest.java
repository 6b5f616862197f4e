package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.InflightStore;
import dev.tern.testkit.storage.InflightStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisInflightStoreTest extends InflightStoreContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final StorageUnderTest storage = new StorageUnderTest(REDIS);

    @Override
    protected InflightStore createStore() {
        return storage.open().inflight();
    }

    @Override
    protected InflightStore reopen(InflightStore current) {
        return storage.reopen().inflight();
    }

    @Override
    protected void close(InflightStore current) {
        storage.close();
    }
}
