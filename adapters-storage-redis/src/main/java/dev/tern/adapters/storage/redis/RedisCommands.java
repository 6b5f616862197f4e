package dev.tern.adapters.storage.redis;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchOptions.ExecutionMode;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.client.RedisException;

/**
 * The one way the stores talk to Redis: every command goes into a Redisson {@link RBatch} run as
 * MULTI/EXEC, so that each store method is one atomic unit and costs one round trip.
 *
 * <p>Each write names a key of the hash slot its commands touch. In a Redis Cluster a MULTI/EXEC
 * may only touch one slot, so there every store write keeps to one slot (its client's, or the
 * retained hash's), and a group commit becomes one MULTI/EXEC per slot ({@link SlotBatches});
 * elsewhere a group commit is one MULTI/EXEC ({@link OneBatch}).
 *
 * <p>Group commit: {@link #inTransaction} binds its pending writes to the calling thread; writes
 * made on that thread while it runs join them, and they are executed once at the end, pipelined,
 * and (when configured) followed by {@code WAIT} for replicas. Writes on other threads, and all
 * reads, run in batches of their own. A read inside a transaction does not see the transaction's
 * own writes: they are not sent until it ends.
 *
 * <p>On one server named by url ({@code redis://}), an unfenced group commit does not go through
 * Redisson: the committing thread writes it on a connection of its own ({@link RespConnection}),
 * the same MULTI/EXEC (and WAIT) without Redisson's per-command and per-batch costs.
 *
 * <p>Fencing: once the node joined a cluster, writes of a client's keys ({@link #writeClient})
 * go as one Lua script per client and batch, applied only under this node's ownership epoch
 * ({@link FencedScript}); other writes (retained messages) are never fenced.
 *
 * <p>Threading: thread-safe; the bound writes are confined to the thread that bound them.
 */
final class RedisCommands {

    private static final int SCAN_CHUNK = 1_000;

    private final RedissonClient redisson;
    private final BatchOptions writeOptions;
    private final BatchOptions readOptions;
    private final BatchOptions manyClientsReadOptions;
    private final String target;
    private final ReplicaWait replicaWait;
    private final boolean cluster;
    private final ThreadLocal<PendingWrites> bound = new ThreadLocal<>();
    private final ThreadLocal<FencedWrites> boundFenced = new ThreadLocal<>();
    private final ThreadLocal<RespBatch> boundDirect = new ThreadLocal<>();
    /** The group commits' own connection, or null: they go through Redisson. */
    private final RespConnection direct;
    /** Null until the node joins a cluster: then every client write is fenced with these epochs. */
    private volatile HeldEpochs fence;

    /**
     * @param cluster whether {@code redisson} talks to a Redis Cluster
     * @param direct  the connection unfenced group commits are written on, or null for Redisson
     */
    RedisCommands(RedissonClient redisson, RedisStorageSettings settings, boolean cluster, RespConnection direct) {
        this.redisson = redisson;
        this.direct = cluster ? null : direct;
        this.readOptions = options(settings, ExecutionMode.IN_MEMORY_ATOMIC);
        // One MULTI/EXEC cannot span the slots of many clients: in a cluster such reads are only
        // pipelined, each command atomic on its own (see loads in KEYS.md).
        this.manyClientsReadOptions = cluster ? options(settings, ExecutionMode.IN_MEMORY) : readOptions;
        this.replicaWait = ReplicaWait.of(settings);
        this.writeOptions = replicaWait.appliedTo(options(settings, ExecutionMode.IN_MEMORY_ATOMIC));
        this.target = settings.target();
        this.cluster = cluster;
    }

    /**
     * Adds the writes {@code ops} to this thread's transaction, or runs them at once as their own.
     * In a cluster they must touch only keys of the hash slot of {@code slotKey}.
     */
    void write(String slotKey, List<WriteOp> ops) {
        RespBatch direct = boundDirect.get();
        if (direct != null) {
            ops.forEach(op -> op.into(direct));
            return;
        }
        PendingWrites transaction = bound.get();
        if (transaction != null) {
            RBatch batch = transaction.batchFor(slotKey);
            ops.forEach(op -> op.into(batch));
            return;
        }
        RBatch batch = redisson.createBatch(writeOptions);
        ops.forEach(op -> op.into(batch));
        confirmed(execute(batch, "write"));
    }

    /**
     * Adds the writes {@code ops} of one client's keys (all with the client's hash tag) to this
     * thread's transaction, or runs them at once. Outside a cluster they are queued like
     * {@link #write}. Once the node joined a cluster ({@link #fenceWith}) they are applied only under
     * this node's ownership epoch for the client, atomically with the check, all of the client's
     * writes of a transaction in one script.
     *
     * @throws FencedWriteException when this node holds no epoch for the client, or (outside a
     *                              transaction) when the write was fenced out; inside one the
     *                              transaction fails at its end
     */
    void writeClient(String clientId, String slotKey, List<WriteOp> ops) {
        HeldEpochs epochs = fence;
        if (epochs == null) {
            write(slotKey, ops);
            return;
        }
        FencedWrites transaction = boundFenced.get();
        if (transaction != null) {
            transaction.add(clientId, ops);
            return;
        }
        FencedScript script = epochs.scriptFor(clientId);
        script.addAll(ops);
        RBatch batch = redisson.createBatch(writeOptions);
        RFuture<Long> applied = script.queue(batch);
        confirmed(execute(batch, "write"));
        script.checkApplied(applied);
    }

    /**
     * Runs the commands {@code queue} adds (typically one Lua script that writes) at once, in a
     * batch of their own outside any transaction, followed by {@code WAIT} when replicas are asked
     * for, and returns what the supplier makes of the replies.
     */
    <T> T writeNow(Function<RBatch, Supplier<T>> queue) {
        RBatch batch = redisson.createBatch(writeOptions);
        Supplier<T> result = queue.apply(batch);
        confirmed(execute(batch, "write"));
        return result.get();
    }

    /** From now on every {@link #writeClient} is fenced with {@code epochs}. */
    void fenceWith(HeldEpochs epochs) {
        this.fence = epochs;
    }

    /**
     * Runs the reads {@code queue} adds to a batch as one atomic snapshot and returns what the
     * supplier it hands back makes of their replies (read through {@link #result}). In a cluster
     * the reads must touch one hash slot.
     */
    <T> T read(Function<RBatch, Supplier<T>> queue) {
        return read(readOptions, queue);
    }

    /**
     * Like {@link #read}, for reads of many clients' keys: one atomic snapshot on one server; in a
     * cluster pipelined to every primary concerned, each command atomic on its own but not the set.
     */
    <T> T readManyClients(Function<RBatch, Supplier<T>> queue) {
        return read(manyClientsReadOptions, queue);
    }

    /** Every key matching the {@code SCAN} pattern, on every primary of a cluster or on the one server. */
    Set<String> keysMatching(String pattern) {
        Set<String> keys = new HashSet<>();
        try {
            redisson.getKeys().getKeys(KeysScanOptions.defaults().pattern(pattern).chunkSize(SCAN_CHUNK))
                    .forEach(keys::add);
        } catch (RedisException e) {
            throw new StorageUnavailableException("Redis scan failed at " + target + ": " + e.getMessage(), e);
        }
        return keys;
    }

    /** The reply of a command whose batch has run. */
    static <T> T result(CompletionStage<T> reply) {
        return reply.toCompletableFuture().join();
    }

    /**
     * Runs {@code writes} with pending writes bound to this thread and executes them once at the
     * end. A nested call joins the outer transaction. An exception from {@code writes} discards
     * the batches unsent and is rethrown.
     */
    void inTransaction(Runnable writes) {
        if (bound.get() != null || boundDirect.get() != null) {
            writes.run();
            return;
        }
        if (direct != null && fence == null) {
            inDirectTransaction(writes);
            return;
        }
        Supplier<RBatch> newBatch = () -> redisson.createBatch(writeOptions);
        PendingWrites transaction = cluster ? new SlotBatches(newBatch) : new OneBatch(newBatch);
        HeldEpochs epochs = fence;
        FencedWrites fenced = epochs == null ? null : new FencedWrites(epochs);
        bound.set(transaction);
        if (fenced != null) {
            boundFenced.set(fenced);
        }
        try {
            writes.run();
            if (fenced != null) {
                fenced.queueInto(transaction);
            }
        } catch (RuntimeException | Error e) {
            transaction.discard();
            throw e;
        } finally {
            bound.remove();
            boundFenced.remove();
        }
        if (transaction.isEmpty()) {
            return;
        }
        List<BatchResult<?>> results;
        try {
            results = transaction.execute();
        } catch (RedisException e) {
            throw new StorageUnavailableException("Redis transaction failed at " + target + ": " + e.getMessage(), e);
        }
        results.forEach(this::confirmed);
        if (fenced != null) {
            fenced.checkApplied();
        }
    }

    /** The group commit on the connection of its own: one write, one read, no Redisson. */
    private void inDirectTransaction(Runnable writes) {
        RespBatch batch = RespBatch.transaction();
        boundDirect.set(batch);
        try {
            writes.run();
        } finally {
            boundDirect.remove();
        }
        if (!batch.isEmpty()) {
            direct.execute(batch);
        }
    }

    private <T> T read(BatchOptions options, Function<RBatch, Supplier<T>> queue) {
        RBatch batch = redisson.createBatch(options);
        Supplier<T> result = queue.apply(batch);
        execute(batch, "read");
        return result.get();
    }

    /*
     * The primary has applied the writes by the time WAIT answers, so this cannot undo them; it
     * tells the caller they are not as durable as configured, and the caller must not acknowledge
     * them as stored.
     */
    private void confirmed(BatchResult<?> result) {
        if (!replicaWait.confirmedBy(result)) {
            throw new StorageUnavailableException("Redis at " + target + " applied a write but only "
                    + result.getSyncedSlaves() + " of " + replicaWait.replicas() + " replicas confirmed it in time", null);
        }
    }

    private BatchResult<?> execute(RBatch batch, String what) {
        try {
            return batch.execute();
        } catch (RedisException e) {
            throw new StorageUnavailableException("Redis " + what + " failed at " + target + ": " + e.getMessage(), e);
        }
    }

    private static BatchOptions options(RedisStorageSettings settings, ExecutionMode mode) {
        return BatchOptions.defaults()
                .executionMode(mode)
                .responseTimeout(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .retryAttempts(ClientConfig.RETRY_ATTEMPTS);
    }
}
