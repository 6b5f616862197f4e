package dev.tern.application.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.storage.memory.InMemoryStorageTransactions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** {@link StorageWriter#afterPendingWrites}: a cluster node hands a session over only once its writes are in. */
class StorageWriterFlushBarrierTest {

    /** A storage thread that runs one task at a time, when the test says so. */
    private static final class HeldThread implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        boolean runOne() {
            Runnable task = tasks.poll();
            if (task != null) {
                task.run();
            }
            return task != null;
        }

        void runAll() {
            while (runOne()) {
                // every batch, including those a batch schedules
            }
        }
    }

    private final HeldThread storageThread = new HeldThread();
    private final List<String> log = new ArrayList<>();

    @Test
    void runsOnlyOnceEveryWriteQueuedBeforeItHasCommitted() {
        // Batches of two: the three writes before the barrier commit over two transactions.
        StorageWriter writer = new StorageWriter(new InMemoryStorageTransactions(), storageThread,
                GroupCommit.withoutLinger(2, 100), Pause.NONE);
        writer.submit(() -> log.add("w1"), null);
        writer.submit(() -> log.add("w2"), null);
        writer.submit(() -> log.add("w3"), null);

        writer.afterPendingWrites(() -> log.add("barrier"));
        writer.submit(() -> log.add("w4"), null);

        storageThread.runOne();
        assertThat(log).containsExactly("w1", "w2");

        storageThread.runAll();
        assertThat(log).containsExactly("w1", "w2", "w3", "barrier", "w4");
    }

    @Test
    void runsAtOnceWithTheNextCommitWhenNothingIsPending() {
        StorageWriter writer = new StorageWriter(new InMemoryStorageTransactions(), Runnable::run,
                GroupCommit.withoutLinger(2, 100), Pause.NONE);

        writer.afterPendingWrites(() -> log.add("barrier"));

        assertThat(log).containsExactly("barrier");
        assertThat(writer.backlog()).isZero();
    }

    /** A failed batch is settled too: the handover must not wait forever for a store that is down. */
    @Test
    void runsOnceAfterABatchThatFailed() {
        StorageWriter writer = new StorageWriter(writes -> {
            throw new IllegalStateException("store unreachable");
        }, storageThread, GroupCommit.withoutLinger(8, 100), Pause.NONE);
        writer.submit(() -> log.add("lost"), null);
        writer.afterPendingWrites(() -> log.add("barrier"));

        storageThread.runAll();

        assertThat(log).containsExactly("barrier");
    }
}
