package dev.tern.application.storage.memory;

import dev.tern.application.port.out.SessionStore;
import dev.tern.application.storage.contract.SessionStoreContract;

class InMemorySessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore createStore() {
        return new InMemorySessionStore();
    }
}
