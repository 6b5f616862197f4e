package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The test cluster is real: three primaries sharing all slots; without redis-cli the build fails. */
class ClusterExtensionTest {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    @Test
    void providesThreePrimariesThatEachSeeAHealthyClusterCoveringEverySlot() throws Exception {
        List<RespClient> primaries = CLUSTER.primaries();
        try {
            assertThat(primaries).hasSize(RedisCluster.PRIMARIES);
            for (RespClient primary : primaries) {
                assertThat((String) primary.call("CLUSTER", "INFO"))
                        .contains("cluster_state:ok", "cluster_slots_assigned:" + HashSlot.SLOTS,
                                "cluster_known_nodes:" + RedisCluster.PRIMARIES, "cluster_size:" + RedisCluster.PRIMARIES);
            }
        } finally {
            for (RespClient primary : primaries) {
                primary.close();
            }
        }
    }

    @Test
    void failsWithTheInstallLineWhenRedisCliIsNotOnThePath(@TempDir Path emptyDirectory) {
        assertThatThrownBy(() -> RedisCluster.findCli(emptyDirectory.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("redis-cli")
                .hasMessageContaining(RedisServerExtension.INSTALL_HINT);
    }
}
