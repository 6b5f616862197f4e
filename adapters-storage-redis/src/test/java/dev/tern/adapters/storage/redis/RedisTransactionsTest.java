package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.out.StoredDelivery;
import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPuback;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.session.SessionExpiry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Group commit: the writes of one {@code inTransaction} reach Redis together, or not at all. */
class RedisTransactionsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final StorageUnderTest storageUnderTest = new StorageUnderTest(REDIS);
    private RedisStorage storage;
    private RespClient cli;

    @BeforeEach
    void connect() {
        storage = storageUnderTest.open();
        cli = RespClient.connect(REDIS.url());
    }

    @AfterEach
    void disconnect() throws Exception {
        storageUnderTest.close();
        cli.close();
    }

    private static StoredSession session(String clientId) {
        return new StoredSession(clientId, SessionExpiry.NEVER, null, 1);
    }

    private static Delivery delivery(String text) {
        return Delivery.of(ApplicationMessage.of("t/" + text, text.getBytes(), Qos.AT_LEAST_ONCE, false));
    }

    /** The count of MULTI/EXEC transactions Redis has run so far. */
    private long execCalls() {
        String info = (String) cli.call("INFO", "commandstats");
        for (String line : info.split("\r\n")) {
            if (line.startsWith("cmdstat_exec:")) {
                String calls = line.substring(line.indexOf("calls=") + 6);
                return Long.parseLong(calls.substring(0, calls.indexOf(',')));
            }
        }
        return 0;
    }

    @Test
    void appliesManyWritesOfOneTransactionAsOneMultiExec() {
        long before = execCalls();

        storage.transactions().inTransaction(() -> {
            for (int i = 0; i < 50; i++) {
                storage.sessions().save(session("client-" + i));
                storage.queues().append("client-" + i, new StoredDelivery(i, delivery("m" + i)));
                storage.inflight().save("client-" + i, new AwaitingPuback(1, delivery("f" + i)));
            }
            storage.retained().save(ApplicationMessage.of("r", new byte[] {1}, Qos.AT_MOST_ONCE, true));
        });

        // 151 writes, one EXEC: they went to Redis as one batch.
        assertThat(execCalls() - before).isEqualTo(1);
        assertThat(storage.sessions().loadAll()).hasSize(50);
        assertThat(storage.queues().load("client-49")).extracting(StoredDelivery::sequence).containsExactly(49L);
        assertThat(storage.inflight().load("client-0")).hasSize(1);
        assertThat(storage.retained().loadAll()).hasSize(1);
    }

    @Test
    void sendsNothingUntilTheTransactionEnds() {
        AtomicReference<Map<String, Object>> seenInside = new AtomicReference<>();

        storage.transactions().inTransaction(() -> {
            storage.sessions().save(session("client-1"));
            storage.subscriptions().deleteAll("client-1");
            seenInside.set(Map.of("exists", cli.call("EXISTS", storageUnderTest.prefix() + "session:{client-1}")));
        });

        assertThat(seenInside.get()).containsEntry("exists", 0L);
        assertThat(storage.sessions().loadAll()).containsExactly(session("client-1"));
    }

    @Test
    void discardsTheWritesOfATransactionThatThrows() {
        long before = execCalls();
        IllegalStateException failure = new IllegalStateException("writer failed");

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
            storage.sessions().save(session("client-1"));
            storage.queues().append("client-1", new StoredDelivery(1, delivery("m")));
            throw failure;
        })).isSameAs(failure);

        assertThat(execCalls()).isEqualTo(before);
        assertThat(storage.sessions().loadAll()).isEmpty();
        assertThat(storage.queues().load("client-1")).isEmpty();
    }

    @Test
    void writesDirectlyAgainAfterATransactionThatThrew() {
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
            throw new IllegalStateException("writer failed");
        })).isInstanceOf(IllegalStateException.class);

        storage.sessions().save(session("client-1"));

        assertThat(cli.call("EXISTS", storageUnderTest.prefix() + "session:{client-1}")).isEqualTo(1L);
    }

    @Test
    void joinsANestedTransactionToTheOuterOne() {
        long before = execCalls();

        storage.transactions().inTransaction(() -> {
            storage.sessions().save(session("client-1"));
            storage.transactions().inTransaction(() -> storage.sessions().save(session("client-2")));
            assertThat(cli.call("EXISTS", storageUnderTest.prefix() + "session:{client-2}")).isEqualTo(0L);
        });

        assertThat(execCalls() - before).isEqualTo(1);
        assertThat(storage.sessions().loadAll()).hasSize(2);
    }

    @Test
    void runsWritesOfOtherThreadsOutsideTheTransaction() {
        storage.transactions().inTransaction(() -> {
            CompletableFuture.runAsync(() -> storage.sessions().save(session("other-thread"))).join();
            // The other thread's write did not wait for this transaction: it is already in Redis.
            assertThat(cli.call("EXISTS", storageUnderTest.prefix() + "session:{other-thread}")).isEqualTo(1L);
        });
    }

    @Test
    void keepsTheTransactionsOfConcurrentThreadsApart() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> storage.transactions().inTransaction(() -> {
                    for (int i = 0; i < 100; i++) {
                        storage.sessions().save(session("t" + thread + "-" + i));
                    }
                    if (thread == 0) {
                        throw new IllegalStateException("thread 0 fails");
                    }
                })));
            }
            for (Future<?> future : running) {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException expectedForThreadZero) {
                    assertThat(expectedForThreadZero).hasRootCauseMessage("thread 0 fails");
                }
            }
        } finally {
            pool.shutdownNow();
        }

        List<StoredSession> sessions = storage.sessions().loadAll();
        assertThat(sessions).hasSize(300);
        assertThat(sessions).noneMatch(s -> s.clientId().startsWith("t0-"));
    }

    @Test
    void sendsNothingForAnEmptyTransaction() {
        long before = execCalls();

        storage.transactions().inTransaction(() -> { });

        assertThat(execCalls()).isEqualTo(before);
    }

    @Test
    void failsAWriteThatNotEnoughReplicasConfirm() {
        // A lone test server has no replicas, so a write waiting for one cannot be confirmed.
        RedisStorage waiting = RedisStorage.connect(new RedisStorageSettings(REDIS.url(), storageUnderTest.prefix(),
                1, Duration.ofMillis(200)));
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> waiting.transactions().inTransaction(
                    () -> waiting.sessions().save(session("client-1"))))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("0 of 1 replicas");
            // It waited (WAIT was sent), but no longer than its timeout and a round trip or two.
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(200L, 5_000L);
        } finally {
            waiting.close();
        }
    }
}
