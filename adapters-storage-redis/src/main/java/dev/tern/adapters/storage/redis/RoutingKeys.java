package dev.tern.adapters.storage.redis;

/**
 * The Redis keys and pub/sub channels of the cluster's route table and forwarding, all under
 * {@code P cluster:} ({@code P} = the key prefix, {@code N} = a node id):
 *
 * <table>
 * <caption>Route table and forwarding layout</caption>
 * <tr><th>Name</th><th>Kind</th><th>Content</th></tr>
 * <tr><td>{@code P cluster:{routes}:nodes}</td><td>set</td><td>ids of the nodes that have routes</td></tr>
 * <tr><td>{@code P cluster:{routes}:node:N}</td><td>set</td><td>node N's filters (with {@code $share/group/})</td></tr>
 * <tr><td>{@code P cluster:route-changes}</td><td>channel</td><td>route changes of every node, in order per node</td></tr>
 * <tr><td>{@code P cluster:inbox:{N}}</td><td>stream</td><td>durable messages for N not yet settled, group {@code tern}</td></tr>
 * <tr><td>{@code P cluster:node:{N}}</td><td>channel (sharded in a Redis Cluster)</td><td>at-most-once messages and signals for N</td></tr>
 * <tr><td>{@code P cluster:retained}</td><td>channel</td><td>retained changes, to every node</td></tr>
 * </table>
 *
 * <p>The route keys share the hash tag {@code {routes}}, so one Lua script changes a node's set,
 * the node set and publishes the change atomically, also in a Redis Cluster (the route table is
 * small and changes rarely: one slot holds it). A node's inbox and channel share the tag
 * {@code {N}}, so everything sent to one node goes to one primary, in order, in one pipeline.
 * Node ids are {@code [a-z0-9-]} (see {@code ClusterJoin}), so they never hold a brace.
 *
 * <p>Threading: immutable.
 */
final class RoutingKeys {

    /** The consumer group every node's inbox is read with (one group per inbox, so one per node). */
    static final String GROUP = "tern";

    private final String cluster;

    RoutingKeys(String prefix) {
        if (prefix == null || prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("key prefix must not be null nor contain braces: " + prefix);
        }
        this.cluster = prefix + "cluster:";
    }

    String routeNodes() {
        return cluster + "{routes}:nodes";
    }

    String routes(String nodeId) {
        return cluster + "{routes}:node:" + nodeId;
    }

    String routeChanges() {
        return cluster + "route-changes";
    }

    String inbox(String nodeId) {
        return cluster + "inbox:{" + nodeId + "}";
    }

    String nodeChannel(String nodeId) {
        return cluster + "node:{" + nodeId + "}";
    }

    String retainedChannel() {
        return cluster + "retained";
    }
}
