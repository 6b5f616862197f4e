package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.testkit.cluster.MessageForwardingContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The forwarding contract on a real three-primary Redis Cluster, with sharded pub/sub. */
class ClusterMessageForwardingTest extends MessageForwardingContract {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    private final RedisClusterNodes nodes = RedisClusterNodes.on(CLUSTER);

    @Override
    protected MessageForwarding join(String nodeId) {
        return nodes.forwarding(nodeId, CLOCK, BOUND);
    }

    @Override
    protected void stop(String nodeId) {
        nodes.stop(nodeId);
    }

    @Override
    protected void interruptLink(String nodeId) {
        nodes.interruptLink(nodeId);
    }

    @AfterEach
    void leave() {
        nodes.close();
    }
}
