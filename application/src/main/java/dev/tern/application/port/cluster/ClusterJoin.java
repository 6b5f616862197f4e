package dev.tern.application.port.cluster;

import java.time.Duration;

/**
 * What a node joins the cluster with.
 *
 * @param nodeId stable across restarts: lower case letters, digits and dashes, 1 to 64 characters
 * @param lease  how long this node's lease lasts without a renewal; other nodes treat the node as
 *               departed once it has passed
 */
public record ClusterJoin(String nodeId, Duration lease) {
    public ClusterJoin {
        if (nodeId == null || !nodeId.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("node id must be 1 to 64 lower case letters, digits or dashes: " + nodeId);
        }
        if (lease == null || lease.isNegative() || lease.toMillis() < 100) {
            throw new IllegalArgumentException("lease must be at least 100 ms: " + lease);
        }
    }
}
