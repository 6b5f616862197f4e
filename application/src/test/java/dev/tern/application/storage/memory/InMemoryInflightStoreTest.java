package dev.tern.application.storage.memory;

import dev.tern.application.port.out.InflightStore;
import dev.tern.application.storage.contract.InflightStoreContract;

class InMemoryInflightStoreTest extends InflightStoreContract {

    @Override
    protected InflightStore createStore() {
        return new InMemoryInflightStore();
    }
}
