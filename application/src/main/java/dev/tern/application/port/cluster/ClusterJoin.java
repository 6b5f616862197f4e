package dev.tern.application.port.cluster;

import java.time.Duration;

/**
 * What a node joins the cluster with.
 *
 * @param nodeId stable across restarts: lower case letters, digits and dashes, 1 to 64 characters
 * @param lease        how long this node's lease lasts without a renewal; other nodes treat the
 *                     node as departed once it has passed
 * @param forwardBound the most durable forwarded messages one node may have waiting unsettled;
 *                     a send beyond it is refused (the publisher is told the message is not safe)
 */
public record ClusterJoin(String nodeId, Duration lease, long forwardBound) {

    /** The default of {@link #forwardBound}, the {@code cluster.forward-max-length} setting's. */
    public static final long DEFAULT_FORWARD_BOUND = 1_000_000;

    /** With the default forward bound. */
    public ClusterJoin(String nodeId, Duration lease) {
        this(nodeId, lease, DEFAULT_FORWARD_BOUND);
    }

    public ClusterJoin {
        if (forwardBound < 1) {
            throw new IllegalArgumentException("forward bound must be positive: " + forwardBound);
        }
        if (nodeId == null || !nodeId.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("node id must be 1 to 64 lower case letters, digits or dashes: " + nodeId);
        }
        if (lease == null || lease.isNegative() || lease.toMillis() < 100) {
            throw new IllegalArgumentException("lease must be at least 100 ms: " + lease);
        }
    }
}
