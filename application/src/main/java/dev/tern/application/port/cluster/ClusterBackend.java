package dev.tern.application.port.cluster;

/**
 * One node's view of the cluster, opened by {@link dev.tern.application.port.out.Storage#cluster}
 * over the same deployment as the stores. While it is open, the backend's stores fence every write
 * of a client's session with the epoch this node holds for that client ({@link SessionOwnership}):
 * a write for a client this node does not own (any more) fails, as a failed store write does.
 *
 * <p>Threading: see the package documentation.
 */
public interface ClusterBackend extends AutoCloseable {

    /** This node's id, as joined. */
    String nodeId();

    NodeLeases leases();

    SessionOwnership ownership();

    RouteTable routes();

    MessageForwarding forwarding();

    /**
     * Stops receiving (forwarded messages, route changes, signals); does not give up the lease
     * (that is {@link NodeLeases#leave()}) nor delete anything stored.
     */
    @Override
    void close();
}
