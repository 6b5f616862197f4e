package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.cluster.ClusterJoin;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What joining a cluster changes for a Redis storage, and what it leaves alone. */
class JoiningTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final NodesUnderTest nodes = NodesUnderTest.on(REDIS);

    @AfterEach
    void close() {
        nodes.close();
    }

    /** A storage joins one cluster as one node, once. */
    @Test
    void aStorageJoinsOnlyOnce() {
        NodesUnderTest.Node node = nodes.join("a", Duration.ofSeconds(60));

        assertThatThrownBy(() -> node.storage().cluster(new ClusterJoin("a", Duration.ofSeconds(60))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(node.cluster().nodeId()).isEqualTo("a");
    }

    /** Without joining, writes are not fenced: nobody needs to own a client, as before clustering. */
    @Test
    void aStorageThatJoinedNoClusterWritesWithoutOwnership() {
        RedisStorage alone = nodes.observer();

        ClientSamples.writeClient(alone, "sensor-7");

        ClientSamples.assertClientsRestored(alone, List.of("sensor-7"));
    }

    /** Joining fences the node's own writes only: another storage that did not join still writes freely. */
    @Test
    void joiningFencesOnlyTheNodeThatJoined() {
        NodesUnderTest.Node node = nodes.join("a", Duration.ofSeconds(60));
        RedisStorage alone = nodes.observer();

        assertThatThrownBy(() -> ClientSamples.writeClient(node.storage(), "sensor-7"))
                .isInstanceOf(FencedWriteException.class);
        ClientSamples.writeClient(alone, "sensor-7");

        ClientSamples.assertClientsRestored(alone, List.of("sensor-7"));
    }
}
