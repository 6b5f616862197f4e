package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.Storage;
import dev.tern.testkit.cluster.FencedStorageContract;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fencing of the stores by session ownership, two nodes on a real three-primary Redis Cluster:
 * each client's fenced script runs in its own slot.
 */
class ClusterFencingTest extends FencedStorageContract {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    private NodesUnderTest nodes;

    @Override
    protected void startDeployment() {
        nodes = new NodesUnderTest(CLUSTER::settings);
    }

    @Override
    protected FencedNode join(String nodeId) {
        NodesUnderTest.Node node = nodes.join(nodeId, Duration.ofSeconds(60));
        return new FencedNode(node.storage(), node.cluster().ownership());
    }

    @Override
    protected Storage observer() {
        return nodes.observer();
    }

    @Override
    protected void stopDeployment() {
        nodes.close();
    }

    @Override
    protected Class<? extends RuntimeException> refusal() {
        return FencedWriteException.class;
    }
}
