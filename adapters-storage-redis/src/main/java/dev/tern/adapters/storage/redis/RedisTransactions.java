package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.StorageTransactions;

/**
 * Group commit over Redis: the writes made inside {@link #inTransaction} on the calling thread go
 * to Redis as one MULTI/EXEC batch in one round trip; when replicas are configured the call
 * returns only after that many replicas acknowledged it ({@code WAIT}).
 *
 * <p>Loss window: with no replicas to wait for, a write is as durable as the Redis primary's own
 * persistence settings (AOF {@code appendfsync}, RDB snapshots) make it.
 *
 * <p>Where this differs from the port's "nothing of it is kept": an exception inside
 * {@code writes} discards the batch unsent, so nothing is kept; but when too few replicas confirm
 * in time the primary has already applied the batch, and the call fails with it applied.
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
