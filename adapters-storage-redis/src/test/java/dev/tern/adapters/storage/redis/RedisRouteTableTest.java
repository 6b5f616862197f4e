package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.RouteTable;
import dev.tern.testkit.cluster.RouteTableContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRouteTableTest extends RouteTableContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisClusterNodes nodes = RedisClusterNodes.on(REDIS);

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
