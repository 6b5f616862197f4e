package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.port.cluster.NodeLeases;
import dev.tern.application.port.cluster.RouteTable;
import dev.tern.application.port.cluster.SessionOwnership;

/**
 * One node's view of a cluster on Redis: the parts composed, each over the storage's Redisson
 * client. Closing stops what the messaging receives; the lease, the ownership records and the
 * fencing of the stores stay (a node's last writes after closing are still fenced).
 *
 * <p>Threading: thread-safe; see the parts.
 */
final class RedisClusterBackend implements ClusterBackend {

    private final String nodeId;
    private final NodeLeases leases;
    private final SessionOwnership ownership;
    private final ClusterMessaging messaging;

    RedisClusterBackend(String nodeId, NodeLeases leases, SessionOwnership ownership, ClusterMessaging messaging) {
        this.nodeId = nodeId;
        this.leases = leases;
        this.ownership = ownership;
        this.messaging = messaging;
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
        return messaging.routes();
    }

    @Override
    public MessageForwarding forwarding() {
        return messaging.forwarding();
    }

    @Override
    public void close() {
        messaging.close().run();
    }
}
