package dev.tern.adapters.storage.redis;

import java.util.List;
import java.util.function.Supplier;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;

/**
 * A group commit on one server or a Sentinel-managed primary: every write, whatever its keys, in
 * one MULTI/EXEC, so the whole group commit is atomic.
 *
 * <p>Threading: confined to the thread running the group commit.
 */
final class OneBatch implements PendingWrites {

    private final Supplier<RBatch> newBatch;
    private RBatch batch;

    OneBatch(Supplier<RBatch> newBatch) {
        this.newBatch = newBatch;
    }

    @Override
    public RBatch batchFor(String slotKey) {
        if (batch == null) {
            batch = newBatch.get();
        }
        return batch;
    }

    @Override
    public boolean isEmpty() {
        return batch == null;
    }

    @Override
    public void discard() {
        if (batch != null) {
            batch.discard();
        }
    }

    @Override
    public List<BatchResult<?>> execute() {
        return List.<BatchResult<?>>of(batch.execute());
    }
}
