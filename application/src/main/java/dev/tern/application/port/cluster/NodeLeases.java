package dev.tern.application.port.cluster;

import java.util.Set;

/**
 * Which nodes are alive. Each node holds a lease that lasts {@link ClusterJoin#lease()} unless
 * renewed; a node whose lease passed (a crash, a pause, a partition) or that left is
 * <em>departed</em> until exactly one surviving node claims it to adopt what it owned: its
 * sessions (through {@link SessionOwnership#claimFrom}), their wills, its routes and its unread
 * forwarded messages.
 *
 * <p>Threading: see the package documentation.
 */
public interface NodeLeases {

    /**
     * Takes or extends this node's lease. A lease that passed while nobody claimed the node (a
     * pause, or the backend was unreachable) is taken again: true. Returns false when another node
     * claimed this one ({@link #claimDeparted}) since its last renewal: it may have adopted its
     * sessions, so the node must treat every session it holds as lost and start over as a new
     * member, which this call already made it. The first call joins.
     */
    boolean renew();

    /** Nodes with a live lease, this one included. */
    Set<String> liveNodes();

    /** Nodes that joined and whose lease passed or that left, not yet claimed by an adopter. */
    Set<String> departedNodes();

    /**
     * Claims a departed node for adoption: true for exactly one caller in the whole cluster, after
     * which the node is no longer departed. False when it is alive, unknown or already claimed. A
     * node may claim itself when it restarts with the same id before anyone adopted it.
     */
    boolean claimDeparted(String nodeId);

    /** Gives up the lease at once (a clean stop): the node is departed for the others to adopt. */
    void leave();
}
