package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.testkit.storage.RetainedMessageStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRetainedMessageStoreTest extends RetainedMessageStoreContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final StorageUnderTest storage = new StorageUnderTest(REDIS);

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
