package dev.tern.adapters.storage.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Cluster nodes of one test on a real Redis (one server or a Redis Cluster): each node joins with
 * a Redisson client of its own, named after it so that {@link #interruptLink} can kill exactly
 * that client's pub/sub connections, under a key prefix of the test's own. Joining a node again
 * after {@link #stop} is its restart, with a new client.
 *
 * <p>Threading: the test's thread.
 */
final class RedisClusterNodes implements AutoCloseable {

    private final Supplier<Config> config;
    private final Supplier<List<RespClient>> servers;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final RoutingKeys keys = new RoutingKeys("test-" + run + ":");
    private final Map<String, RedissonClient> clients = new HashMap<>();
    private final Map<String, AutoCloseable> parts = new HashMap<>();

    /**
     * @param config  a fresh Redisson configuration for the deployment each time
     * @param servers clients to every primary, which the caller of this method closes
     */
    RedisClusterNodes(Supplier<Config> config, Supplier<List<RespClient>> servers) {
        this.config = config;
        this.servers = servers;
    }

    static RedisClusterNodes on(RedisServerExtension redis) {
        return new RedisClusterNodes(() -> ClientConfig.of(RedisStorageSettings.of(redis.url())),
                () -> List.of(RespClient.connect(redis.url())));
    }

    static RedisClusterNodes on(ClusterExtension cluster) {
        return new RedisClusterNodes(() -> ClientConfig.fromFile(cluster.redissonConfig()), cluster::primaries);
    }

    RedisRouteTable routes(String nodeId) {
        RedisRouteTable routes = new RedisRouteTable(client(nodeId), keys, nodeId);
        parts.put(nodeId, routes);
        return routes;
    }

    RedisForwarding forwarding(String nodeId, Clock clock, long bound) {
        return forwarding(nodeId, clock, bound, RedisForwarding.DEFAULT_RECLAIM_AFTER);
    }

    RedisForwarding forwarding(String nodeId, Clock clock, long bound, Duration reclaimAfter) {
        return forwarding(nodeId, clock, bound, reclaimAfter, ReplicaWait.NONE);
    }

    /** A node whose durable sends complete only once {@code wait}'s replicas confirmed them. */
    RedisForwarding forwarding(String nodeId, Clock clock, long bound, ReplicaWait wait) {
        return forwarding(nodeId, clock, bound, RedisForwarding.DEFAULT_RECLAIM_AFTER, wait);
    }

    private RedisForwarding forwarding(String nodeId, Clock clock, long bound, Duration reclaimAfter, ReplicaWait wait) {
        RedisForwarding forwarding = new RedisForwarding(client(nodeId), keys, nodeId, clock, bound, sharded(),
                RedisForwarding.receiveThreads(), reclaimAfter, wait);
        parts.put(nodeId, forwarding);
        return forwarding;
    }

    /** Closes the node's route table or forwarding and its client. */
    void stop(String nodeId) {
        AutoCloseable part = parts.remove(nodeId);
        try {
            if (part != null) {
                part.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        RedissonClient client = clients.remove(nodeId);
        if (client != null) {
            client.shutdown();
        }
    }

    /** Kills the node's pub/sub connections on every primary; Redisson reconnects and resubscribes. */
    void interruptLink(String nodeId) {
        String name = clientName(nodeId);
        int killed = 0;
        for (RespClient server : servers.get()) {
            try (server) {
                String list = (String) server.call("CLIENT", "LIST", "TYPE", "pubsub");
                for (String line : list.split("\n")) {
                    if (line.contains(" name=" + name + " ")) {
                        String id = line.substring(3, line.indexOf(' '));
                        server.call("CLIENT", "KILL", "ID", id);
                        killed++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (killed == 0) {
            throw new IllegalStateException("node " + nodeId + " has no pub/sub connection to interrupt");
        }
    }

    /** The layout under this test's prefix, to look at what the nodes wrote. */
    RoutingKeys keys() {
        return keys;
    }

    boolean sharded() {
        return config.get().isClusterConfig();
    }

    private RedissonClient client(String nodeId) {
        return clients.computeIfAbsent(nodeId, node -> {
            Config nodeConfig = config.get();
            if (nodeConfig.isClusterConfig()) {
                nodeConfig.useClusterServers().setClientName(clientName(node));
            } else {
                nodeConfig.useSingleServer().setClientName(clientName(node));
            }
            return Redisson.create(nodeConfig);
        });
    }

    private String clientName(String nodeId) {
        return "tern-test-" + run + "-" + nodeId;
    }

    @Override
    public void close() {
        List.copyOf(clients.keySet()).forEach(this::stop);
    }
}
