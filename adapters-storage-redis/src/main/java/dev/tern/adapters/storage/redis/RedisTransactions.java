package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.StorageTransactions;

/**
 * Group commit over Redis: the writes made inside {@link #inTransaction} on the calling thread go
 * to Redis as one MULTI/EXEC batch in one round trip (in a Redis Cluster: one MULTI/EXEC per hash
 * slot, all sent before any reply is awaited); when replicas are configured the call returns only
 * after that many replicas acknowledged it ({@code WAIT}, in a cluster on each primary touched).
 *
 * <p>Loss window: with no replicas to wait for, a write is as durable as the Redis primary's own
 * persistence settings (AOF {@code appendfsync}, RDB snapshots) make it.
 *
 * <p>Where this differs from the port's "nothing of it is kept": an exception inside
 * {@code writes} discards the batch unsent, so nothing is kept; but when too few replicas confirm
 * in time the primary has already applied the batch, and the call fails with it applied. In a
 * cluster the group commit is atomic per slot, that is per client, not as a whole: when some
 * slots' batches fail the call fails, and the other slots' writes stay applied.
 *
 * <p>Threading: thread-safe; see {@link RedisCommands}.
 */
final class RedisTransactions implements StorageTransactions {

    private final RedisCommands commands;

    RedisTransactions(RedisCommands commands) {
        this.commands = commands;
    }

    @Override
    public void inTransaction(Runnable writes) {
        commands.inTransaction(writes);
    }
}
