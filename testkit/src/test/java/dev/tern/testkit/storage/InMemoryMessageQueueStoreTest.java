package dev.tern.testkit.storage;

import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.storage.memory.InMemoryMessageQueueStore;

class InMemoryMessageQueueStoreTest extends MessageQueueStoreContract {

    @Override
    protected MessageQueueStore createStore() {
        return new InMemoryMessageQueueStore();
    }
}
