package dev.tern.adapters.storage.redis;

import static dev.tern.adapters.storage.redis.ClientSamples.assertClientsRestored;
import static dev.tern.adapters.storage.redis.ClientSamples.retained;
import static dev.tern.adapters.storage.redis.ClientSamples.subscriptions;
import static dev.tern.adapters.storage.redis.ClientSamples.writeClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In a Redis Cluster: no global index keys, and every key of one client in one hash slot. */
class ClusterKeyLayoutTest {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    private final StorageUnderTest storageUnderTest = new StorageUnderTest(CLUSTER::settings);
    private RedisStorage storage;
    private List<RespClient> primaries;
    private String p;

    @BeforeEach
    void connect() {
        storage = storageUnderTest.open();
        primaries = CLUSTER.primaries();
        p = storageUnderTest.prefix();
    }

    @AfterEach
    void disconnect() throws Exception {
        storageUnderTest.close();
        for (RespClient primary : primaries) {
            primary.close();
        }
    }

    /** Every key under the prefix on any primary, without the prefix, with its Redis type. */
    private Map<String, Object> keysAndTypes() {
        Map<String, Object> types = new TreeMap<>();
        for (RespClient primary : primaries) {
            for (Object key : (List<?>) primary.call("KEYS", p + "*")) {
                types.put(((String) key).substring(p.length()), primary.call("TYPE", (String) key));
            }
        }
        return types;
    }

    private Set<Object> slotsOf(Set<String> keysWithoutPrefix) {
        Set<Object> slots = new HashSet<>();
        keysWithoutPrefix.forEach(key -> slots.add(primaries.get(0).call("CLUSTER", "KEYSLOT", p + key)));
        return slots;
    }

    @Test
    void writesEachClientsOwnKeysButNoIndexKeys() {
        writeClient(storage, "c1");
        storage.retained().save(retained("a/b"));

        assertThat(keysAndTypes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "session:{c1}", "hash",
                "subs:{c1}", "hash",
                "subs-order:{c1}", "zset",
                "retained", "hash",
                "queue:{c1}", "hash",
                "inflight:{c1}", "hash",
                "inflight-order:{c1}", "zset",
                "qos2:{c1}", "set"));
        Set<String> clientKeys = new HashSet<>(keysAndTypes().keySet());
        clientKeys.remove("retained");
        assertThat(slotsOf(clientKeys)).hasSize(1);
    }

    @Test
    void keepsEveryKeyOfAClientWhoseIdWouldMakeAnEmptyHashTagInOneSlot() {
        List<String> oddIds = List.of("", "}", "}x{y}~");
        storage.transactions().inTransaction(() -> oddIds.forEach(clientId -> writeClient(storage, clientId)));

        assertThat(keysAndTypes()).containsKeys("session:{~}~", "subs:{~}}~", "qos2:{~}}x{y}~~");
        assertThat(slotsOf(keysAndTypes().keySet())).hasSize(1);
        RedisStorage restored = storageUnderTest.reopen();
        assertClientsRestored(restored, oddIds);
        for (String clientId : oddIds) {
            assertThat(restored.subscriptions().loadAll().stream().filter(s -> s.clientId().equals(clientId)).toList())
                    .containsExactlyElementsOf(subscriptions(clientId));
        }
    }

    @Test
    void removesEveryKeyOfAClientItDeletes() {
        writeClient(storage, "c1");

        storage.subscriptions().deleteAll("c1");
        // As the broker does: it removes the deliveries it knows of one by one, there is no "delete all".
        storage.queues().remove("c1", 7);
        storage.inflight().deleteAll("c1");
        storage.sessions().delete("c1");

        assertThat(keysAndTypes()).isEmpty();
        assertThat(storage.sessions().loadAll()).isEmpty();
        assertThat(storage.subscriptions().loadAll()).isEmpty();
    }
}
