package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.InflightStore;
import dev.tern.testkit.storage.InflightStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inflight contract in a real three-primary Redis Cluster, through {@code clusterServersConfig}. */
class ClusterInflightStoreTest extends InflightStoreContract {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    private final StorageUnderTest storage = new StorageUnderTest(CLUSTER::settings);

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
