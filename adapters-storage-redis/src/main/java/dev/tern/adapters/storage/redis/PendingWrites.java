package dev.tern.adapters.storage.redis;

import java.util.List;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.client.RedisException;

/**
 * The writes of one group commit while it gathers, in MULTI/EXEC batches: each store write asks
 * for the batch its commands go into, naming a key of the hash slot they touch.
 *
 * <p>Threading: confined to the thread running the group commit.
 */
interface PendingWrites {

    /** The batch for commands touching the hash slot of {@code slotKey}. */
    RBatch batchFor(String slotKey);

    /** Whether no write has asked for a batch. */
    boolean isEmpty();

    /** Drops every batch unsent. */
    void discard();

    /**
     * Sends every batch and waits for all of them.
     *
     * @return one result per batch, each with the replicas its {@code WAIT} counted
     * @throws RedisException if any batch failed (in a cluster the other batches may have applied)
     */
    List<BatchResult<?>> execute();
}
