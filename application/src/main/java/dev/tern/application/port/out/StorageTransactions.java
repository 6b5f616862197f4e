package dev.tern.application.port.out;

/**
 * Group commit: runs many store writes as one durable unit, so that durability costs one commit
 * (one fsync) per batch instead of one per message. The broker's storage writer drains its queue
 * of pending writes into one {@link #inTransaction} call; the store calls made inside it (on the
 * calling thread) join that transaction and are durable when it returns.
 *
 * <p>Threading: implementations are thread-safe; store calls join the transaction only on the
 * thread running {@link #inTransaction}. Calls outside one are each their own atomic unit.
 */
public interface StorageTransactions {

    /**
     * Runs {@code writes} as one transaction and returns once it is committed (durable). If
     * {@code writes} or the commit fails, nothing of it is kept and the exception is rethrown.
     */
    void inTransaction(Runnable writes);
}
