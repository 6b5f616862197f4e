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
     * {@code writes} or the commit fails, the exception is rethrown and the caller must treat
     * every write of the call as not stored. A store should keep nothing of a failed call; one
     * that cannot (a Redis Cluster commits per hash slot, a failed replica {@code WAIT} comes
     * after the primary applied the writes) keeps each client's writes whole and documents it.
     */
    void inTransaction(Runnable writes);
}
