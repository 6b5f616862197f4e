package dev.tern.adapters.storage.redis;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

/**
 * The one way the stores talk to Redis: every command goes into a Redisson {@link RBatch} run as
 * MULTI/EXEC, so that each store method is one atomic unit and costs one round trip.
 *
 * <p>Group commit: {@link #inTransaction} binds a batch to the calling thread; writes made on that
 * thread while it runs join that batch, which is then executed once, pipelined in one round trip,
 * and (when configured) followed by {@code WAIT} for replicas. Writes on other threads, and all
 * reads, run in batches of their own. A read inside a transaction does not see the transaction's
 * own writes: they are not sent until it ends.
 *
 * <p>Threading: thread-safe; the bound batch is confined to the thread that bound it.
 */
final class RedisCommands {

    private final RedissonClient redisson;
    private final BatchOptions writeOptions;
    private final BatchOptions readOptions;
    private final String target;
    private final int replicasToWait;
    private final ThreadLocal<Transaction> bound = new ThreadLocal<>();

    /**
     * @param writeOptions   for write batches; when they ask Redis to {@code WAIT} for replicas,
     *                       {@code replicasToWait} says how many must confirm
     * @param replicasToWait 0, or how many replicas must have confirmed a write batch
     */
    RedisCommands(RedissonClient redisson, BatchOptions writeOptions, BatchOptions readOptions, String target,
                  int replicasToWait) {
        this.redisson = redisson;
        this.writeOptions = writeOptions;
        this.readOptions = readOptions;
        this.target = target;
        this.replicasToWait = replicasToWait;
    }

    /** Adds {@code commands} to this thread's transaction, or runs them at once as their own. */
    void write(Consumer<RBatch> commands) {
        Transaction transaction = bound.get();
        if (transaction != null) {
            transaction.add(commands);
            return;
        }
        RBatch batch = redisson.createBatch(writeOptions);
        commands.accept(batch);
        confirmed(execute(batch, "write"));
    }

    /**
     * Runs the reads {@code queue} adds to a batch as one atomic snapshot and returns what the
     * supplier it hands back makes of their replies (read through {@link #result}).
     */
    <T> T read(Function<RBatch, Supplier<T>> queue) {
        RBatch batch = redisson.createBatch(readOptions);
        Supplier<T> result = queue.apply(batch);
        execute(batch, "read");
        return result.get();
    }

    /** The reply of a command whose batch has run. */
    static <T> T result(CompletionStage<T> reply) {
        return reply.toCompletableFuture().join();
    }

    /**
     * Runs {@code writes} with a batch bound to this thread and executes it once at the end. A
     * nested call joins the outer transaction. An exception from {@code writes} discards the batch
     * unsent and is rethrown.
     */
    void inTransaction(Runnable writes) {
        if (bound.get() != null) {
            writes.run();
            return;
        }
        Transaction transaction = new Transaction(redisson.createBatch(writeOptions));
        bound.set(transaction);
        try {
            writes.run();
        } catch (RuntimeException | Error e) {
            transaction.batch.discard();
            throw e;
        } finally {
            bound.remove();
        }
        if (!transaction.isEmpty()) {
            confirmed(execute(transaction.batch, "transaction"));
        }
    }

    /*
     * Redisson reports how many replicas WAIT counted but does not fail the batch when too few did.
     * The primary has applied the writes by then, so this cannot undo them; it tells the caller
     * they are not as durable as configured, and the caller must not acknowledge them as stored.
     */
    private void confirmed(BatchResult<?> result) {
        if (result.getSyncedSlaves() < replicasToWait) {
            throw new StorageUnavailableException("Redis at " + target + " applied a write but only "
                    + result.getSyncedSlaves() + " of " + replicasToWait + " replicas confirmed it in time", null);
        }
    }

    private BatchResult<?> execute(RBatch batch, String what) {
        try {
            return batch.execute();
        } catch (RedisException e) {
            throw new StorageUnavailableException("Redis " + what + " failed at " + target + ": " + e.getMessage(), e);
        }
    }

    /** A batch being filled on one thread. */
    private static final class Transaction {
        private final RBatch batch;
        private int writes;

        Transaction(RBatch batch) {
            this.batch = batch;
        }

        void add(Consumer<RBatch> commands) {
            commands.accept(batch);
            writes++;
        }

        boolean isEmpty() {
            return writes == 0;
        }
    }
}
