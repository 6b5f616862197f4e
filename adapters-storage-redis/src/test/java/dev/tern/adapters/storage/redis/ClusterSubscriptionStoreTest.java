package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.testkit.storage.SubscriptionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The subscriptions contract in a real three-primary Redis Cluster, through {@code clusterServersConfig}. */
class ClusterSubscriptionStoreTest extends SubscriptionStoreContract {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    private final StorageUnderTest storage = new StorageUnderTest(CLUSTER::settings);

    @Override
    protected SubscriptionStore createStore() {
        return storage.open().subscriptions();
    }

    @Override
    protected SubscriptionStore reopen(SubscriptionStore current) {
        return storage.reopen().subscriptions();
    }

    @Override
    protected void close(SubscriptionStore current) {
        storage.close();
    }
}
