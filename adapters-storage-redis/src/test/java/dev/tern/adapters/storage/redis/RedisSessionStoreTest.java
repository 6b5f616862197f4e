package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.SessionStore;
import dev.tern.testkit.storage.SessionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisSessionStoreTest extends SessionStoreContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final StorageUnderTest storage = new StorageUnderTest(REDIS);

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
