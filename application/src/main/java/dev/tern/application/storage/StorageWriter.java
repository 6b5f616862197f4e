package dev.tern.application.storage;

import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.port.out.StorageTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of a durable store: sessions hand it writes from their event loops and go on; it
 * runs them in submission order on its own thread, as many as have piled up in one transaction
 * (group commit), and reports each durable once the transaction has committed. While a commit is
 * under way the next batch gathers, so the more load, the larger the batches; under load a batch
 * may also linger briefly for writes on their way (see {@link GroupCommit}).
 *
 * <p>The writer counts what it has been handed and not yet committed. Above {@code behindAt}
 * writes it reports itself {@link #isBehind() behind}, so that acknowledgements that would not
 * otherwise wait for the commit ({@code periodic} durability) wait for it until it has caught
 * up: publishers, whose in-flight windows are bounded, then slow down to the store's pace instead
 * of piling writes up in memory without bound.
 *
 * <p>Threading: {@link #submit} may be called from any thread; writes run on the storage executor,
 * which must be a single thread so that writes stay in order.
 */
public final class StorageWriter {

    private static final Logger LOG = LoggerFactory.getLogger(StorageWriter.class);

    private final StorageTransactions transactions;
    private final Executor storageThread;
    private final GroupCommit policy;
    private final Pause pause;
    private final Queue<Write> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unwritten = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private static final Runnable NOTHING = () -> { };
    /** Size of the last batch; touched only on the storage thread. */
    private int lastBatch;

    /** A write and what to tell when it is durable or has failed (both may be null). */
    private record Write(Runnable write, PendingAck ack) {
    }

    private final Meters meters;
    /** Whether the last commit failed; written on the storage thread, read by health checks. */
    private volatile boolean failing;

    /**
     * How the writer's commits are measured.
     *
     * @param commit    how long each commit took
     * @param batchSize how many writes each commit held
     * @param nanoTime  a monotonic clock in nanoseconds ({@code System::nanoTime}); the engine reads none itself
     */
    public record Meters(MetricsRegistry.Timer commit, MetricsRegistry.Histogram batchSize, LongSupplier nanoTime) {

        /** Measures nothing. */
        public static final Meters NONE = new Meters(MetricsRegistry.Timer.NOOP, MetricsRegistry.Histogram.NOOP,
                () -> 0L);

        /** Registers {@code tern_storage_commit} (seconds) and {@code tern_storage_batch_size} (writes). */
        public static Meters register(MetricsRegistry registry, LongSupplier nanoTime) {
            return new Meters(
                    registry.timer("tern_storage_commit", "time to commit one batch of store writes"),
                    registry.histogram("tern_storage_batch_size", "store writes committed in one transaction",
                            "writes"),
                    nanoTime);
        }
    }

    /** @param pause what one pause of a lingering batch does, on the storage thread */
    public StorageWriter(StorageTransactions transactions, Executor storageThread, GroupCommit policy, Pause pause) {
        this(transactions, storageThread, policy, pause, Meters.NONE);
    }

    public StorageWriter(StorageTransactions transactions, Executor storageThread, GroupCommit policy, Pause pause,
            Meters meters) {
        this.meters = meters;
        this.transactions = transactions;
        this.storageThread = storageThread;
        this.policy = policy;
        this.pause = pause;
    }

    /** Whether more than {@code behindAt} writes wait: acknowledgements should wait for commits. */
    public boolean isBehind() {
        return unwritten.get() > policy.behindAt();
    }

    /** Writes handed over and not yet committed (or failed). */
    public int backlog() {
        return unwritten.get();
    }

    /** Whether the last commit failed: the store may be unreachable. */
    public boolean failing() {
        return failing;
    }

    /** Queues a write; {@code ack}, if not null, hears when it is durable (call {@code ack.expect()} first). */
    public void submit(Runnable write, PendingAck ack) {
        unwritten.incrementAndGet();
        queue.add(new Write(write, ack));
        if (scheduled.compareAndSet(false, true)) {
            storageThread.execute(drain);
        }
    }

    /**
     * Runs {@code action} once every write queued before this call has committed or failed (a
     * flush barrier: a cluster node hands a session to another only after writing what it had
     * for it). The action runs on the storage thread and must be short and must not block.
     */
    public void afterPendingWrites(Runnable action) {
        // The ack's own count stands for this barrier's place in the queue: done or failed, it completes.
        submit(NOTHING, new PendingAck(Runnable::run, stored -> action.run()));
    }

    private void drain() {
        List<Write> batch = new ArrayList<>();
        try {
            gather(batch);
            if (lastBatch >= policy.lingerFrom()) {
                int expected = Math.min(lastBatch, policy.maxBatch());
                for (int i = 0; i < policy.lingerPauses() && batch.size() < expected; i++) {
                    pause.pause();
                    gather(batch);
                }
            }
            lastBatch = batch.size();
            commit(batch);
        } finally {
            scheduled.set(false);
            if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
                storageThread.execute(drain);
            }
        }
    }

    private void gather(List<Write> batch) {
        Write next;
        while (batch.size() < policy.maxBatch() && (next = queue.poll()) != null) {
            batch.add(next);
        }
    }

    private void commit(List<Write> batch) {
        if (batch.isEmpty()) {
            return;
        }
        boolean committed;
        long start = meters.nanoTime().getAsLong();
        try {
            transactions.inTransaction(() -> batch.forEach(w -> w.write().run()));
            committed = true;
        } catch (RuntimeException e) {
            LOG.error("storage write of {} operations failed, none of them is acknowledged as stored: {}",
                    batch.size(), e.toString());
            committed = false;
        } finally {
            // Settled before any acknowledgement goes out: a client that heard its PUBACK must not
            // then read these writes as still pending in tern_storage_backlog.
            unwritten.addAndGet(-batch.size());
        }
        meters.commit().recordNanos(meters.nanoTime().getAsLong() - start);
        meters.batchSize().record(batch.size());
        failing = !committed;
        for (Write w : batch) {
            if (w.ack() != null) {
                if (committed) {
                    w.ack().done();
                } else {
                    w.ack().failed();
                }
            }
        }
    }
}
