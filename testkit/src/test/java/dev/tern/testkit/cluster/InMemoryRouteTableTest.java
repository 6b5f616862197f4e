package dev.tern.testkit.cluster;

import dev.tern.application.port.cluster.RouteTable;
import java.time.Clock;

class InMemoryRouteTableTest extends RouteTableContract {

    private final InMemoryClusterNodes nodes = new InMemoryClusterNodes(Clock.systemUTC(), 1_000);

    @Override
    protected RouteTable join(String nodeId) {
        return nodes.join(nodeId).routes();
    }

    @Override
    protected void interruptLink(String nodeId) {
        nodes.interruptLink(nodeId);
    }
}
