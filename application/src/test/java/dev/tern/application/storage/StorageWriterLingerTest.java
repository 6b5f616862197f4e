package dev.tern.application.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.StorageTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How the writer lingers for writes on their way under load, and never under light load. */
class StorageWriterLingerTest {

    /** Records the size of every committed batch. */
    private final List<Integer> batches = new ArrayList<>();
    private final AtomicInteger inBatch = new AtomicInteger();
    private final StorageTransactions transactions = writes -> {
        inBatch.set(0);
        writes.run();
        batches.add(inBatch.get());
    };
    private final List<Runnable> storageThread = new ArrayList<>();
    private final AtomicInteger pauses = new AtomicInteger();
    private StorageWriter writer;

    @Test
    void aBatchSmallerThanTheLastWaitsForTheWritesOnTheirWay() {
        // Each pause, one more write arrives, as acknowledged publishers send their next messages.
        writer = writer(() -> {
            pauses.incrementAndGet();
            submit(1);
        });
        submit(10);
        runStorageThread();

        submit(2);
        runStorageThread();

        assertThat(batches).containsExactly(10, 10);
        assertThat(pauses).hasValue(8);
    }

    @Test
    void givesUpAfterItsPausesWhenNothingMoreArrives() {
        writer = writer(pauses::incrementAndGet);
        submit(10);
        runStorageThread();

        submit(3);
        runStorageThread();

        assertThat(batches).containsExactly(10, 3);
        assertThat(pauses).hasValue(10);
    }

    @Test
    void neverWaitsUnderLightLoad() {
        writer = writer(pauses::incrementAndGet);
        for (int i = 0; i < 3; i++) {
            submit(1);
            runStorageThread();
        }

        assertThat(batches).containsExactly(1, 1, 1);
        assertThat(pauses).hasValue(0);
    }

    private StorageWriter writer(Pause pause) {
        return new StorageWriter(transactions, storageThread::add, new GroupCommit(100, 1000, 4, 10), pause);
    }

    private void submit(int writes) {
        for (int i = 0; i < writes; i++) {
            writer.submit(inBatch::incrementAndGet, null);
        }
    }

    private void runStorageThread() {
        while (!storageThread.isEmpty()) {
            storageThread.remove(0).run();
        }
    }
}
