package dev.tern.application.storage.memory;

import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.storage.contract.MessageQueueStoreContract;

class InMemoryMessageQueueStoreTest extends MessageQueueStoreContract {

    @Override
    protected MessageQueueStore createStore() {
        return new InMemoryMessageQueueStore();
    }
}
