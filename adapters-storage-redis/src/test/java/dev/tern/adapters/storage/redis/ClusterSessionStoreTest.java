package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.SessionStore;
import dev.tern.testkit.storage.SessionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sessions contract in a real three-primary Redis Cluster, through {@code clusterServersConfig}. */
class ClusterSessionStoreTest extends SessionStoreContract {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    private final StorageUnderTest storage = new StorageUnderTest(CLUSTER::settings);

    @Override
    protected SessionStore createStore() {
        return storage.open().sessions();
    }

    @Override
    protected SessionStore reopen(SessionStore current) {
        return storage.reopen().sessions();
    }

    @Override
    protected void close(SessionStore current) {
        storage.close();
    }
}
