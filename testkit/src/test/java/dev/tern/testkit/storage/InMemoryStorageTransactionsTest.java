package dev.tern.testkit.storage;

import dev.tern.application.port.out.Storage;
import dev.tern.application.storage.memory.InMemoryStorage;

class InMemoryStorageTransactionsTest extends StorageTransactionsContract {

    @Override
    protected Storage openStorage() {
        return new InMemoryStorage();
    }

    /** The in-memory backend promises no durability and applies each write at once (see InMemoryStorageTransactions). */
    @Override
    protected boolean keepsNothingOfAFailedCall() {
        return false;
    }
}
