package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.testkit.storage.MessageQueueStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisMessageQueueStoreTest extends MessageQueueStoreContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final StorageUnderTest storage = new StorageUnderTest(REDIS);

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
