package dev.tern.testkit.storage;

import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.application.storage.memory.InMemoryRetainedMessageStore;

class InMemoryRetainedMessageStoreTest extends RetainedMessageStoreContract {

    @Override
    protected RetainedMessageStore createStore() {
        return new InMemoryRetainedMessageStore();
    }
}
