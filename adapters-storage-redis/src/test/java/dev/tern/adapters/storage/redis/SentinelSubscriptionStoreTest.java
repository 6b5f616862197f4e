package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.testkit.storage.SubscriptionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The subscriptions contract through a Redisson {@code sentinelServersConfig}: a real sentinel names the primary. */
class SentinelSubscriptionStoreTest extends SubscriptionStoreContract {

    @RegisterExtension
    static final SentinelExtension SENTINEL = new SentinelExtension();

    private final StorageUnderTest storage = new StorageUnderTest(
            prefix -> new RedisStorageSettings(null, prefix, 0, null, null, SENTINEL.redissonConfig()));

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
