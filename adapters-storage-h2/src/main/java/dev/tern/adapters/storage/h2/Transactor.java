package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.StorageTransactions;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

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
    private final ThreadLocal<Bound> bound = new ThreadLocal<>();

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
        Bound current = bound.get();
        if (current != null) {
            return work.withHandle(current.handle());
        }
        writeLock.lock();
        try (Handle handle = jdbi.open(); StatementCache statements = new StatementCache(handle.getConnection())) {
            bound.set(new Bound(handle, statements));
            R result = handle.inTransaction(work);
            handle.execute("CHECKPOINT SYNC");
            return result;
        } finally {
            bound.remove();
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work} with the plain JDBC statements of the thread's transaction, or of a durable
     * transaction of its own, as {@link #write} does.
     */
    <R> R writeJdbc(JdbcWork<R> work) {
        return write(handle -> {
            try {
                return work.run(bound.get().statements());
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        });
    }

    /** Runs {@code work} in the thread's transaction, or on a handle of its own without one. */
    <R> R read(HandleCallback<R, RuntimeException> work) {
        Bound current = bound.get();
        return current != null ? work.withHandle(current.handle()) : jdbi.withHandle(work);
    }

    /** Work on the prepared statements of a transaction. */
    @FunctionalInterface
    interface JdbcWork<R> {
        R run(StatementCache statements) throws SQLException;
    }

    /** The handle bound to a thread's transaction, with the statements prepared on it. */
    private record Bound(Handle handle, StatementCache statements) {
    }
}
