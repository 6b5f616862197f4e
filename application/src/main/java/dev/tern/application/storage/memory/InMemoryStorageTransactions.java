package dev.tern.application.storage.memory;

import dev.tern.application.port.out.StorageTransactions;

/**
 * Transactions of the in-memory stores: each store call is already atomic and nothing outlives
 * the process, so a batch simply runs. It is not rolled back on failure: the in-memory backend
 * promises no durability.
 *
 * <p>Threading: thread-safe.
 */
public final class InMemoryStorageTransactions implements StorageTransactions {

    @Override
    public void inTransaction(Runnable writes) {
        writes.run();
    }
}
