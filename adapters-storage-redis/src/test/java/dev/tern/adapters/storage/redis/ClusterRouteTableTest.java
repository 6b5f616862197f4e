package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.RouteTable;
import dev.tern.testkit.cluster.RouteTableContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The route table contract on a real three-primary Redis Cluster. */
class ClusterRouteTableTest extends RouteTableContract {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    private final RedisClusterNodes nodes = RedisClusterNodes.on(CLUSTER);

    @Override
    protected RouteTable join(String nodeId) {
        return nodes.routes(nodeId);
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
