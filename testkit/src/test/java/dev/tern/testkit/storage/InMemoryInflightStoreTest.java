package dev.tern.testkit.storage;

import dev.tern.application.port.out.InflightStore;
import dev.tern.application.storage.memory.InMemoryInflightStore;

class InMemoryInflightStoreTest extends InflightStoreContract {

    @Override
    protected InflightStore createStore() {
        return new InMemoryInflightStore();
    }
}
