package dev.tern.testkit.storage;

import dev.tern.application.port.out.SessionStore;
import dev.tern.application.storage.memory.InMemorySessionStore;

class InMemorySessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore createStore() {
        return new InMemorySessionStore();
    }
}
