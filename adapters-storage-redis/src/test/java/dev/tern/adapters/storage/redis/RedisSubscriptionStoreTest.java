package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.testkit.storage.SubscriptionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisSubscriptionStoreTest extends SubscriptionStoreContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final StorageUnderTest storage = new StorageUnderTest(REDIS);

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
