package dev.tern.testkit.cluster;

import dev.tern.application.cluster.memory.InMemoryCluster;
import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.cluster.ClusterJoin;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Nodes of one {@link InMemoryCluster}, the last backend joined per node id. Threading: the test's thread. */
final class InMemoryClusterNodes {

    private final InMemoryCluster cluster;
    private final Map<String, ClusterBackend> nodes = new HashMap<>();

    InMemoryClusterNodes(Clock clock, int forwardBound) {
        this.cluster = new InMemoryCluster(clock, forwardBound);
    }

    ClusterBackend join(String nodeId) {
        ClusterBackend backend = cluster.join(new ClusterJoin(nodeId, Duration.ofSeconds(5)));
        nodes.put(nodeId, backend);
        return backend;
    }

    void stop(String nodeId) {
        nodes.get(nodeId).close();
    }

    void interruptLink(String nodeId) {
        cluster.reconnect(nodeId);
    }
}
