package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.SessionStore;
import dev.tern.testkit.storage.SessionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sessions contract through a Redisson {@code sentinelServersConfig}: a real sentinel names the primary. */
class SentinelSessionStoreTest extends SessionStoreContract {

    @RegisterExtension
    static final SentinelExtension SENTINEL = new SentinelExtension();

    private final StorageUnderTest storage = new StorageUnderTest(
            prefix -> new RedisStorageSettings(null, prefix, 0, null, null, SENTINEL.redissonConfig()));

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
