package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.StorageTransactions;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs the stores' SQL, each write durable when it returns, and implements group commit.
 *
 * <p>Durability: H2 2.x never forces its file to disk on commit; with {@code WRITE_DELAY=0} (see
 * {@link ConnectionPool}) a commit hands its chunk to the operating system, which survives a
 * crash of the broker but not of the machine. So after every committed write transaction this
 * runs {@code CHECKPOINT SYNC}, which flushes H2's store and calls {@code FileChannel.force}: a
 * commit is on disk before the caller hears of it. The cost is one fsync per transaction, which is
 * why the broker's storage writer batches many writes into one {@link #inTransaction} call. If the
 * sync itself fails, the transaction is committed but perhaps not on disk; the exception still
 * reaches the caller, which must then not acknowledge what it wrote.
 *
 * <p>Write transactions take one lock, so they run one at a time: the broker has one storage
 * writer anyway, fsyncs serialize in H2 regardless, and it rules out two concurrent upserts of the
 * same key both trying to insert. Reads take no lock; they see committed data.
 *
 * <p>Threading: thread-safe. A transaction is bound to the thread running {@link #inTransaction};
 * store calls on that thread join it and see its uncommitted writes, calls on other threads do not.
 */
final class Transactor implements StorageTransactions {

    private final Jdbi jdbi;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ThreadLocal<Handle> bound = new ThreadLocal<>();

    Transactor(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void inTransaction(Runnable writes) {
        write(handle -> {
            writes.run();
            return null;
        });
    }

    /** Runs {@code work} in the thread's transaction, or in a durable transaction of its own. */
    <R> R write(HandleCallback<R, RuntimeException> work) {
        Handle current = bound.get();
        if (current != null) {
            return work.withHandle(current);
        }
        writeLock.lock();
        try (Handle handle = jdbi.open()) {
            bound.set(handle);
            R result = handle.inTransaction(work);
            handle.execute("CHECKPOINT SYNC");
            return result;
        } finally {
            bound.remove();
            writeLock.unlock();
        }
    }

    /** Runs {@code work} in the thread's transaction, or on a handle of its own without one. */
    <R> R read(HandleCallback<R, RuntimeException> work) {
        Handle current = bound.get();
        return current != null ? work.withHandle(current) : jdbi.withHandle(work);
    }
}
