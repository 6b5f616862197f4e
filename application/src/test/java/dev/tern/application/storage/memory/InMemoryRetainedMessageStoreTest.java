package dev.tern.application.storage.memory;

import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.application.storage.contract.RetainedMessageStoreContract;

class InMemoryRetainedMessageStoreTest extends RetainedMessageStoreContract {

    @Override
    protected RetainedMessageStore createStore() {
        return new InMemoryRetainedMessageStore();
    }
}
