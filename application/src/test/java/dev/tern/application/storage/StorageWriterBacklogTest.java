package dev.tern.application.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tern.application.storage.memory.InMemoryInflightStore;
import dev.tern.application.storage.memory.InMemoryMessageQueueStore;
import dev.tern.application.storage.memory.InMemoryRetainedMessageStore;
import dev.tern.application.storage.memory.InMemorySessionStore;
import dev.tern.application.storage.memory.InMemoryStorageTransactions;
import dev.tern.application.storage.memory.InMemorySubscriptionStore;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the storage writer is behind, and how that turns {@code periodic} acknowledgements into waiting ones. */
class StorageWriterBacklogTest {

    /** A storage thread that runs its tasks only when the test says so. */
    private static final class HeldThread implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
        }
    }

    private final HeldThread storageThread = new HeldThread();
    private final StorageWriter writer =
            new StorageWriter(new InMemoryStorageTransactions(), storageThread, GroupCommit.withoutLinger(4, 3), Pause.NONE);

    @Test
    void isBehindOnlyWhileMoreWritesThanItsThresholdAreUncommitted() {
        AtomicInteger written = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            writer.submit(written::incrementAndGet, null);
        }
        assertThat(writer.isBehind()).isFalse();

        writer.submit(written::incrementAndGet, null);
        assertThat(writer.isBehind()).isTrue();

        storageThread.runAll();
        assertThat(written).hasValue(4);
        assertThat(writer.isBehind()).isFalse();
    }

    /** Failed writes are settled too: a store that failed once must not keep acknowledgements waiting. */
    @Test
    void isNoLongerBehindOnceABatchHasFailed() {
        StorageWriter failing = new StorageWriter(writes -> {
            throw new IllegalStateException("disk gone");
        }, storageThread, GroupCommit.withoutLinger(4, 3), Pause.NONE);
        AtomicInteger failures = new AtomicInteger();
        PendingAck ack = new PendingAck(Runnable::run, stored -> failures.addAndGet(stored ? 0 : 1));
        ack.expect();
        failing.submit(() -> { }, ack);
        ack.release();
        for (int i = 0; i < 3; i++) {
            failing.submit(() -> { }, null);
        }
        assertThat(failing.isBehind()).isTrue();

        storageThread.runAll();

        assertThat(failing.isBehind()).isFalse();
        assertThat(failures).hasValue(1);
    }

    @Test
    void aWriteIsNoLongerInTheBacklogWhenItsAcknowledgementIsHeard() {
        AtomicInteger backlogWhenAcked = new AtomicInteger(-1);
        PendingAck ack = new PendingAck(Runnable::run, stored -> backlogWhenAcked.set(writer.backlog()));
        ack.expect();
        writer.submit(() -> { }, ack);
        ack.release();
        assertThat(writer.backlog()).isEqualTo(1);

        storageThread.runAll();

        assertThat(backlogWhenAcked).hasValue(0);
    }

    @Test
    void periodicDurabilityWaitsForCommitsOnlyWhileTheWriterIsBehind() {
        StoreRecorder periodic = new StoreRecorder(writer, new InMemorySessionStore(), new InMemorySubscriptionStore(),
                new InMemoryRetainedMessageStore(), new InMemoryMessageQueueStore(), new InMemoryInflightStore(),
                false);
        assertThat(periodic.acknowledgesAfterCommit()).isFalse();

        for (int i = 0; i < 4; i++) {
            writer.submit(() -> { }, null);
        }
        assertThat(periodic.acknowledgesAfterCommit()).isTrue();

        storageThread.runAll();
        assertThat(periodic.acknowledgesAfterCommit()).isFalse();
    }

    @Test
    void refusesANonPositiveThreshold() {
        assertThatIllegalArgumentException().isThrownBy(() -> GroupCommit.withoutLinger(4, 0));
    }
}
