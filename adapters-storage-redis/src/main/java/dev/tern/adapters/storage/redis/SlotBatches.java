package dev.tern.adapters.storage.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.client.RedisException;

/**
 * A group commit in a Redis Cluster, where one MULTI/EXEC may only touch keys of one hash slot:
 * one batch per slot, each its own MULTI/EXEC on the primary that owns the slot (followed by its
 * own {@code WAIT} when replicas are asked for). All batches are sent before any reply is awaited,
 * so the group commit costs about one round trip per wave of connections, not one per slot.
 *
 * <p>Atomicity: per slot, hence per client (all of a client's keys share its slot), not across
 * the group commit. If some batches fail, the others have been applied.
 *
 * <p>Threading: confined to the thread running the group commit.
 */
final class SlotBatches implements PendingWrites {

    private final Supplier<RBatch> newBatch;
    private final Map<Integer, RBatch> bySlot = new LinkedHashMap<>();

    SlotBatches(Supplier<RBatch> newBatch) {
        this.newBatch = newBatch;
    }

    @Override
    public RBatch batchFor(String slotKey) {
        return bySlot.computeIfAbsent(HashSlot.of(slotKey), slot -> newBatch.get());
    }

    @Override
    public boolean isEmpty() {
        return bySlot.isEmpty();
    }

    @Override
    public void discard() {
        bySlot.values().forEach(RBatch::discard);
    }

    @Override
    public List<BatchResult<?>> execute() {
        List<CompletableFuture<BatchResult<?>>> replies = new ArrayList<>(bySlot.size());
        for (RBatch batch : bySlot.values()) {
            replies.add(batch.executeAsync().toCompletableFuture());
        }
        List<BatchResult<?>> results = new ArrayList<>(replies.size());
        Throwable firstFailure = null;
        int failed = 0;
        for (CompletableFuture<BatchResult<?>> reply : replies) {
            try {
                results.add(reply.join());
            } catch (CompletionException | CancellationException e) {
                failed++;
                if (firstFailure == null) {
                    firstFailure = e.getCause() != null ? e.getCause() : e;
                }
            }
        }
        if (failed > 0) {
            throw new RedisException(failed + " of " + replies.size() + " hash slots failed, the writes to the other "
                    + (replies.size() - failed) + " were applied; first failure: " + firstFailure.getMessage(),
                    firstFailure);
        }
        return results;
    }
}
