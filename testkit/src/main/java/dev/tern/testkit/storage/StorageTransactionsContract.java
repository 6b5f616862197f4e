package dev.tern.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.out.Storage;
import dev.tern.application.port.out.StorageTransactions;
import dev.tern.application.port.out.StoredSession;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What {@link StorageTransactions#inTransaction} promises over the stores of the same storage:
 * what one call writes is there once it returns, a failure is rethrown, nested calls join the
 * outer one, and store calls of other threads stay outside it. Extend it once per backend (see
 * {@link StorageFixture} for the hooks).
 *
 * <p>The port lets a backend that cannot undo a failed call keep what it wrote, if it says so; its
 * test overrides {@link #keepsNothingOfAFailedCall()}, and the contract then checks that the
 * failed call's writes were kept whole instead. What the port does not promise is not checked: whether a call sees its own writes
 * before it returns, or whether other threads see them early.
 */
public abstract class StorageTransactionsContract extends StorageFixture {

    private final EveryStore everyStore = new EveryStore();

    private static final int THREAD_WRITES = 20;

    /** Whether a call whose writes throw leaves nothing behind; true unless the backend documents otherwise. */
    protected boolean keepsNothingOfAFailedCall() {
        return true;
    }

    private StorageTransactions transactions() {
        return storage().transactions();
    }

    private static IllegalStateException failure(String message) {
        return new IllegalStateException(message);
    }

    @Test
    void keepsEveryWriteOfOneCallOnceItReturns() {
        transactions().inTransaction(() -> {
            everyStore.write(storage(), "client-1");
            everyStore.write(storage(), "client-2");
        });

        everyStore.assertHoldsAll(reopened(), "client-1");
        everyStore.assertHoldsAll(storage(), "client-2");
    }

    /** Calls outside a transaction are their own unit, committed when they return. */
    @Test
    void keepsAStoreCallMadeOutsideATransactionOnceItReturns() {
        everyStore.write(storage(), "client-1");

        everyStore.assertHoldsAll(reopened(), "client-1");
    }

    @Test
    void rethrowsTheFailureOfTheWritesUnchanged() {
        IllegalStateException failure = failure("writer failed");

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            everyStore.write(storage(), "client-1");
            throw failure;
        })).isSameAs(failure);
    }

    /** All or nothing: nothing of a failed call stays, or, where the backend says it cannot undo, all of it. */
    @Test
    void keepsNothingOfACallWhoseWritesThrowOrAllOfItWhereDocumented() {
        storage().sessions().save(EveryStore.session("before"));

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            everyStore.write(storage(), "client-1");
            storage().sessions().delete("before");
            throw failure("writer failed");
        })).hasMessage("writer failed");

        if (keepsNothingOfAFailedCall()) {
            everyStore.assertHoldsNone(reopened(), "client-1");
            assertThat(EveryStore.sessionOf(storage(), "before")).contains(EveryStore.session("before"));
        } else {
            everyStore.assertHoldsAll(reopened(), "client-1");
            assertThat(EveryStore.sessionOf(storage(), "before")).isEmpty();
        }
    }

    @Test
    void acceptsWritesAgainAfterACallThatThrew() {
        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            throw failure("writer failed");
        })).hasMessage("writer failed");

        storage().sessions().save(EveryStore.session("direct"));
        transactions().inTransaction(() -> everyStore.write(storage(), "batched"));

        Storage readBack = reopened();
        assertThat(EveryStore.sessionOf(readBack, "direct")).isPresent();
        everyStore.assertHoldsAll(readBack, "batched");
    }

    /** Later calls see what earlier ones committed and apply on top of it, in order. */
    @Test
    void appliesSequentialCallsInOrder() {
        transactions().inTransaction(() -> everyStore.write(storage(), "client-1"));
        transactions().inTransaction(() -> {
            storage().sessions().delete("client-1");
            everyStore.removeQueued(storage(), "client-1");
            storage().sessions().save(EveryStore.session("client-2"));
        });

        Storage readBack = reopened();
        assertThat(readBack.sessions().loadAll()).extracting(StoredSession::clientId).containsExactly("client-2");
        assertThat(readBack.queues().load("client-1")).isEmpty();
        assertThat(readBack.inflight().loadReceipts("client-1")).containsExactly(EveryStore.RECEIPT_PACKET_ID);
    }

    @Test
    void joinsANestedCallToTheOuterOne() {
        transactions().inTransaction(() -> {
            everyStore.write(storage(), "outer");
            transactions().inTransaction(() -> everyStore.write(storage(), "inner"));
        });

        everyStore.assertHoldsAll(reopened(), "outer");
        everyStore.assertHoldsAll(storage(), "inner");
    }

    /** A nested call that returned is still part of the outer one, and fails with it. */
    @Test
    void treatsANestedCallAsPartOfTheOuterOneWhenItFails() {

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            transactions().inTransaction(() -> everyStore.write(storage(), "inner"));
            throw failure("outer fails after the inner call returned");
        })).hasMessage("outer fails after the inner call returned");

        if (keepsNothingOfAFailedCall()) {
            everyStore.assertHoldsNone(reopened(), "inner");
        } else {
            everyStore.assertHoldsAll(reopened(), "inner");
        }
    }

    /** Only store calls on the thread running the call join it; another thread's write stands on its own. */
    @Test
    void keepsAWriteOfAnotherThreadThatRanDuringAFailedCall() {
        AtomicReference<CompletableFuture<Void>> otherThread = new AtomicReference<>();
        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            storage().sessions().save(EveryStore.session("inside"));
            otherThread.set(CompletableFuture.runAsync(
                    () -> storage().sessions().save(EveryStore.session("other-thread"))));
            throw failure("writer failed");
        })).hasMessage("writer failed");
        // A backend may hold the other thread back until the call ends; it must not make it part of it.
        otherThread.get().orTimeout(30, TimeUnit.SECONDS).join();

        assertThat(EveryStore.sessionOf(reopened(), "other-thread")).contains(EveryStore.session("other-thread"));
    }

    @Test
    void keepsTheCallsOfConcurrentThreadsApart() throws Exception {
        Concurrently.run(thread -> {
            try {
                transactions().inTransaction(() -> {
                    for (int i = 0; i < THREAD_WRITES; i++) {
                        storage().sessions().save(EveryStore.session("t" + thread + "-" + i));
                    }
                    if (thread == 0) {
                        throw failure("thread 0 fails");
                    }
                });
            } catch (IllegalStateException expectedOfThreadZero) {
                assertThat(thread).isZero();
            }
        });

        List<String> clientIds = reopened().sessions().loadAll().stream().map(StoredSession::clientId).toList();
        for (int thread = 1; thread < Concurrently.THREADS; thread++) {
            for (int i = 0; i < THREAD_WRITES; i++) {
                assertThat(clientIds).contains("t" + thread + "-" + i);
            }
        }
        if (keepsNothingOfAFailedCall()) {
            assertThat(clientIds).noneMatch(id -> id.startsWith("t0-"));
        }
    }

    @Test
    void changesNothingForAnEmptyCall() {
        storage().sessions().save(EveryStore.session("before"));

        transactions().inTransaction(() -> { });

        assertThat(reopened().sessions().loadAll()).containsExactly(EveryStore.session("before"));
    }
}
