package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.testkit.storage.RetainedMessageStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The retained contract in a real three-primary Redis Cluster, through {@code clusterServersConfig}. */
class ClusterRetainedMessageStoreTest extends RetainedMessageStoreContract {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    private final StorageUnderTest storage = new StorageUnderTest(CLUSTER::settings);

    @Override
    protected RetainedMessageStore createStore() {
        return storage.open().retained();
    }

    @Override
    protected RetainedMessageStore reopen(RetainedMessageStore current) {
        return storage.reopen().retained();
    }

    @Override
    protected void close(RetainedMessageStore current) {
        storage.close();
    }
}
