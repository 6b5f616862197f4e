package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The slot Tern computes for a key is the one a real Redis Cluster gives it. */
class HashSlotTest {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    @Test
    void computesTheChecksumTheClusterSpecificationGivesAsItsExample() {
        // The Redis Cluster specification: CRC16 of "123456789" is 0x31C3.
        assertThat(HashSlot.of("123456789")).isEqualTo(0x31C3);
    }

    @Test
    void agreesWithClusterKeyslotOnTagsEmptyTagsAndUnicode() throws Exception {
        List<String> keys = List.of("", "a", "tern:sessions", "tern:retained", "tern:session:{client-1}",
                "tern:subs-order:{client-1}", "{user1000}.following", "foo{}{bar}", "foo{{bar}}zap", "foo{bar}{zap}",
                "tern:session:{}", "tern:session:{}x}", "tern:session:{~}}x~", "tern:queue:{ü-客户端}", "no-close{");
        List<RespClient> primaries = CLUSTER.primaries();
        try {
            for (String key : keys) {
                assertThat(HashSlot.of(key)).as(key)
                        .isEqualTo(((Long) primaries.get(0).call("CLUSTER", "KEYSLOT", key)).intValue());
            }
        } finally {
            for (RespClient primary : primaries) {
                primary.close();
            }
        }
    }
}
