package dev.tern.testkit.storage;

import dev.tern.application.port.out.Storage;
import dev.tern.application.storage.memory.InMemoryStorage;

class InMemoryStorageTest extends StorageContract {

    @Override
    protected Storage openStorage() {
        return new InMemoryStorage();
    }
}
