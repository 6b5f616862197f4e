package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.port.cluster.RouteTable;

/**
 * The route table and the forwarding of one node of a cluster, made by
 * {@link RedisStorage#routesAndForwarding}, composed with leases and ownership by
 * {@link RedisClusterBackend}.
 *
 * <p>Threading: immutable; the parts are thread-safe.
 *
 * @param close stops what {@code routes} and {@code forwarding} receive (listeners, consumers);
 *              run by {@link RedisClusterBackend#close()}
 */
record ClusterMessaging(RouteTable routes, MessageForwarding forwarding, Runnable close) {
    ClusterMessaging {
        if (routes == null || forwarding == null || close == null) {
            throw new IllegalArgumentException("cluster messaging needs routes, forwarding and a way to close them");
        }
    }
}
