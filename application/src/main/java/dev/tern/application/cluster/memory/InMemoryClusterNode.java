package dev.tern.application.cluster.memory;

import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.cluster.ClusterJoin;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.port.cluster.NodeLeases;
import dev.tern.application.port.cluster.RouteTable;
import dev.tern.application.port.cluster.SessionOwnership;

/** One node's view of an {@link InMemoryCluster}. Threading: thread-safe. */
final class InMemoryClusterNode implements ClusterBackend {

    private final InMemoryCluster cluster;
    private final String nodeId;
    private final InMemoryLeases leases;
    private final InMemoryOwnership ownership;
    private final InMemoryRoutes routes;
    private final InMemoryForwarding forwarding;

    InMemoryClusterNode(InMemoryCluster cluster, ClusterJoin join) {
        this.cluster = cluster;
        this.nodeId = join.nodeId();
        this.leases = new InMemoryLeases(cluster, nodeId, join.lease().toMillis());
        this.ownership = new InMemoryOwnership(cluster, nodeId);
        this.routes = new InMemoryRoutes(cluster, nodeId);
        this.forwarding = new InMemoryForwarding(cluster, nodeId);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public NodeLeases leases() {
        return leases;
    }

    @Override
    public SessionOwnership ownership() {
        return ownership;
    }

    @Override
    public RouteTable routes() {
        return routes;
    }

    @Override
    public MessageForwarding forwarding() {
        return forwarding;
    }

    @Override
    public void close() {
        synchronized (cluster) {
            cluster.receivers.remove(nodeId, forwarding);
            cluster.routeListeners.remove(nodeId, routes);
        }
    }
}
