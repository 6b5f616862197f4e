package dev.tern.adapters.storage.redis;

import static dev.tern.adapters.storage.redis.ClientSamples.assertClientsRestored;
import static dev.tern.adapters.storage.redis.ClientSamples.retained;
import static dev.tern.adapters.storage.redis.ClientSamples.session;
import static dev.tern.adapters.storage.redis.ClientSamples.subscriptions;
import static dev.tern.adapters.storage.redis.ClientSamples.writeClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.domain.subscription.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Group commit in a Redis Cluster: one MULTI/EXEC per hash slot, all applied, all loaded back. */
class ClusterTransactionsTest {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    private static final int CLIENTS = 300;

    private final StorageUnderTest storageUnderTest = new StorageUnderTest(CLUSTER::settings);
    private RedisStorage storage;
    private List<RespClient> primaries;

    @BeforeEach
    void connect() {
        storage = storageUnderTest.open();
        primaries = CLUSTER.primaries();
    }

    @AfterEach
    void disconnect() throws Exception {
        storageUnderTest.close();
        for (RespClient primary : primaries) {
            primary.close();
        }
    }

    private static List<String> clientIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("client-" + i);
        }
        return ids;
    }

    /** MULTI/EXEC transactions run so far, summed over the primaries. */
    private long execCalls() {
        long calls = 0;
        for (RespClient primary : primaries) {
            for (String line : ((String) primary.call("INFO", "commandstats")).split("\r\n")) {
                if (line.startsWith("cmdstat_exec:")) {
                    String rest = line.substring(line.indexOf("calls=") + 6);
                    calls += Long.parseLong(rest.substring(0, rest.indexOf(',')));
                }
            }
        }
        return calls;
    }

    /** The slot Redis itself gives {@code key}. */
    private long slotOf(String key) {
        return (Long) primaries.get(0).call("CLUSTER", "KEYSLOT", key);
    }

    private long keysOfThisTestOn(RespClient primary) {
        return ((List<?>) primary.call("KEYS", storageUnderTest.prefix() + "*")).size();
    }

    @Test
    void commitsManyClientsWritesAsOneMultiExecPerHashSlotAndReadsThemAllBack() {
        long before = execCalls();

        storage.transactions().inTransaction(() -> {
            clientIds(CLIENTS).forEach(clientId -> writeClient(storage, clientId));
            storage.retained().save(retained("r/1"));
        });

        Set<Long> slots = new HashSet<>();
        clientIds(CLIENTS).forEach(clientId -> slots.add(slotOf(storageUnderTest.prefix() + "session:{" + clientId + "}")));
        slots.add(slotOf(storageUnderTest.prefix() + "retained"));
        assertThat(slots).hasSizeGreaterThan(CLIENTS / 2);
        assertThat(execCalls() - before).isEqualTo(slots.size());
        assertThat(primaries).allSatisfy(primary -> assertThat(keysOfThisTestOn(primary)).isPositive());
        assertClientsRestored(storage, clientIds(CLIENTS));
        assertThat(storage.subscriptions().loadAll()).hasSize(2 * CLIENTS);
        assertThat(storage.retained().loadAll()).containsExactly(retained("r/1"));
    }

    @Test
    void restoresEverythingThroughANewStoreOverTheSameCluster() {
        storage.transactions().inTransaction(() -> {
            clientIds(50).forEach(clientId -> writeClient(storage, clientId));
            storage.retained().save(retained("r/1"));
            storage.retained().save(retained("r/2"));
        });
        storage.transactions().inTransaction(() -> {
            storage.sessions().delete("client-7");
            storage.subscriptions().deleteAll("client-7");
            // As the broker does: it removes the deliveries it knows of one by one, there is no "delete all".
            storage.queues().remove("client-7", 7);
            storage.inflight().deleteAll("client-7");
        });

        RedisStorage restored = storageUnderTest.reopen();

        List<String> kept = new ArrayList<>(clientIds(50));
        kept.remove("client-7");
        assertClientsRestored(restored, kept);
        List<Subscription> loaded = restored.subscriptions().loadAll();
        for (String clientId : kept) {
            assertThat(loaded.stream().filter(s -> s.clientId().equals(clientId)).toList())
                    .containsExactlyElementsOf(subscriptions(clientId));
        }
        assertThat(loaded).hasSize(2 * kept.size());
        assertThat(restored.retained().loadAll()).containsExactlyInAnyOrder(retained("r/1"), retained("r/2"));
        assertThat(restored.queues().load("client-7")).isEmpty();
        assertThat(restored.inflight().load("client-7")).isEmpty();
    }

    @Test
    void discardsEveryWriteOfAGroupCommitThatThrows() {
        long before = execCalls();
        IllegalStateException failure = new IllegalStateException("writer failed");

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
            clientIds(20).forEach(clientId -> writeClient(storage, clientId));
            throw failure;
        })).isSameAs(failure);

        assertThat(execCalls()).isEqualTo(before);
        assertThat(storage.sessions().loadAll()).isEmpty();
    }

    @Test
    void waitsForReplicasOnEveryPrimaryInParallelAndFailsWhenTooFewConfirm() {
        // The test cluster has no replicas, so every primary's WAIT times out with none.
        RedisStorageSettings settings = new RedisStorageSettings(null, storageUnderTest.prefix(), 1,
                Duration.ofMillis(300), null, CLUSTER.redissonConfig());
        try (RedisStorage waiting = RedisStorage.connect(settings)) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> waiting.transactions().inTransaction(
                    () -> clientIds(20).forEach(clientId -> waiting.sessions().save(session(clientId)))))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("0 of 1 replicas");

            // Twenty slots each waited 300 ms, at the same time rather than one after another.
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(300L, 3_000L);
            assertThat(waiting.sessions().loadAll()).hasSize(20);
        }
    }
}
