package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Clustering: the {@code cluster.*} settings (docs/cluster.md). A cluster is N nodes sharing one
 * storage deployment that can carry one ({@code storage.backend: redis}); whether the chosen backend
 * can is only known once it is open, so that check is made at start, not here.
 *
 * @param enabled          whether this node joins a cluster
 * @param nodeId           this node's id, lower case letters, digits and dashes; empty = the one kept in
 *                         {@code nodeIdFile}, generated there on the first start
 * @param nodeIdFile       where a generated node id is kept across restarts; not read when {@code nodeId} is set
 * @param lease            how long this node counts as alive without renewing its lease
 * @param handoverTimeout  how long a takeover waits for the previous owner node to hand the session over; also
 *                         how long that node then relays what still reaches it for the session
 * @param forwardMaxLength messages waiting for one node in its forwarding stream, beyond which sending refuses
 */
public record ClusterConfig(
        @Setting(defaultValue = "false",
                description = "whether this node joins a cluster of nodes sharing storage "
                        + "(needs storage.backend: redis)")
        boolean enabled,
        @Setting(defaultValue = "", description =
                "this node's id (a-z, 0-9, -; at most 64); empty = generated once and kept in cluster.node-id-file")
        String nodeId,
        @Setting(defaultValue = "data/node-id",
                description = "file keeping the generated node id across restarts; unused when cluster.node-id is set")
        Path nodeIdFile,
        @Setting(defaultValue = "10", min = 1, max = 3600,
                description = "seconds this node counts as alive without renewing its lease (renewed every third)")
        Duration lease,
        @Setting(defaultValue = "2", min = 1, max = 600,
                description = "seconds a takeover waits for the node that held the session to hand it over;"
                        + " also how long that node then relays what reaches it for the session")
        Duration handoverTimeout,
        @Setting(defaultValue = "1000000", min = 1, max = Long.MAX_VALUE,
                description = "QoS 1/2 messages waiting for one node in its forwarding stream; beyond, sending fails")
        long forwardMaxLength) {

    /** What a node id may be: what the cluster ports accept ({@code ClusterJoin}). */
    public static final String NODE_ID_PATTERN = "[a-z0-9-]{1,64}";

    public ClusterConfig {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(nodeIdFile, "nodeIdFile");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(handoverTimeout, "handoverTimeout");
        nodeId = nodeId.strip();
        if (!nodeId.isEmpty() && !nodeId.matches(NODE_ID_PATTERN)) {
            throw new IllegalArgumentException("node-id must be 1 to 64 lower case letters, digits or dashes: "
                    + nodeId);
        }
        if (forwardMaxLength < 1) {
            throw new IllegalArgumentException("forward-max-length must be at least 1: " + forwardMaxLength);
        }
    }
}
