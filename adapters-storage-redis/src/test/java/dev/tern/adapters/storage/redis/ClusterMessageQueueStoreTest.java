package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.testkit.storage.MessageQueueStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The queues contract in a real three-primary Redis Cluster, through {@code clusterServersConfig}. */
class ClusterMessageQueueStoreTest extends MessageQueueStoreContract {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    private final StorageUnderTest storage = new StorageUnderTest(CLUSTER::settings);

    @Override
    protected MessageQueueStore createStore() {
        return storage.open().queues();
    }

    @Override
    protected MessageQueueStore reopen(MessageQueueStore current) {
        return storage.reopen().queues();
    }

    @Override
    protected void close(MessageQueueStore current) {
        storage.close();
    }
}
