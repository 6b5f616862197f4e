package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.cluster.ClusterJoin;
import dev.tern.application.port.out.Storage;
import dev.tern.application.port.out.Stores;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The storage ports over Redis, through one Redisson client: one server, a Sentinel-managed
 * primary, or a Redis Cluster. Key layout: {@link RedisKeys} and {@code KEYS.md}. Every store
 * method is one MULTI/EXEC batch; {@link #transactions()} groups many writes into one such batch
 * (group commit), or in a cluster into one per hash slot.
 *
 * <p>Threading: thread-safe; the stores block the calling thread for one round trip, so callers
 * must not use them on a network I/O thread.
 */
final class RedisStorage implements Storage {

    private final String description;
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final RedisCommands commands;
    private final Stores stores;
    private final AtomicBoolean joined = new AtomicBoolean();
    private final Clock clock;
    private final String keyPrefix;
    private final boolean redisCluster;
    private final ReplicaWait replicaWait;
    /** The group commits' own connection (one server by url), or null. */
    private final RespConnection direct;

    private RedisStorage(RedissonClient redisson, RedisStorageSettings settings, boolean cluster, Clock clock) {
        this.clock = clock;
        this.keyPrefix = settings.keyPrefix();
        this.redisCluster = cluster;
        this.replicaWait = ReplicaWait.of(settings);
        this.description = "redis " + settings.target();
        this.redisson = redisson;
        this.keys = new RedisKeys(settings.keyPrefix(), cluster);
        this.direct = cluster ? null : RespConnection.forUrl(settings);
        this.commands = new RedisCommands(redisson, settings, cluster, direct);
        this.stores = new Stores(
                new RedisSessionStore(commands, keys, cluster
                        ? new ScannedClientIndex(commands, keys, RedisKeys.SESSION)
                        : new SetClientIndex(commands, keys.sessions())),
                new RedisSubscriptionStore(commands, keys, cluster
                        ? new ScannedClientIndex(commands, keys, RedisKeys.SUBSCRIPTIONS)
                        : new SetClientIndex(commands, keys.subscribers())),
                new RedisRetainedMessageStore(commands, keys),
                new RedisMessageQueueStore(commands, keys),
                new RedisInflightStore(commands, keys),
                new RedisTransactions(commands));
    }

    /**
     * Connects to the Redis at {@code settings.url()}, or to the one its Redisson configuration
     * file describes (one server, the primary a Sentinel names, or a Redis Cluster).
     *
     * @throws StorageUnavailableException if Redis cannot be reached or refuses the credentials,
     *                                     naming the url without its password
     * @throws IllegalArgumentException    if the url, Redisson configuration or key prefix is
     *                                     malformed, or the configuration asks for a topology
     *                                     other than those three
     */
    public static RedisStorage connect(RedisStorageSettings settings) {
        return connect(settings, Clock.systemUTC());
    }

    /** {@link #connect(RedisStorageSettings)} with the clock a cluster's message expiry is counted on. */
    public static RedisStorage connect(RedisStorageSettings settings, Clock clock) {
        Config config = ClientConfig.of(settings);
        RedissonClient redisson;
        try {
            redisson = Redisson.create(config);
        } catch (RuntimeException e) {
            throw new StorageUnavailableException("Cannot connect to Redis at " + settings.target() + ": "
                    + e.getMessage(), e);
        }
        return new RedisStorage(redisson, settings, config.isClusterConfig(), clock);
    }

    /** {@code redis } and where it connected, never with a password. */
    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public Stores stores() {
        return stores;
    }

    /**
     * Joins a cluster of Tern nodes on this Redis: node leases, session ownership and, from now on,
     * fencing of every client's writes in the stores with this node's epochs (retained messages are
     * not fenced). Only once per storage.
     *
     * @throws IllegalStateException when this storage joined already
     */
    @Override
    public Optional<ClusterBackend> cluster(ClusterJoin join) {
        return Optional.of(join(join, this::routesAndForwarding));
    }

    /**
     * The route table and forwarding of this node; on a Redis Cluster the node channels are
     * sharded pub/sub, so that each lives on the primary of its node's inbox.
     */
    ClusterMessaging routesAndForwarding(ClusterJoin join) {
        RoutingKeys routingKeys = new RoutingKeys(keyPrefix);
        RedisRouteTable routes = new RedisRouteTable(redisson, routingKeys, join.nodeId());
        RedisForwarding forwarding = new RedisForwarding(redisson, routingKeys, join.nodeId(), clock,
                join.forwardBound(), redisCluster, RedisForwarding.receiveThreads(), replicaWait);
        return new ClusterMessaging(routes, forwarding, () -> {
            forwarding.close();
            routes.close();
        });
    }

    /** {@link #cluster} with the messaging made by {@code messagingOf}, so that tests can join without R2's parts. */
    RedisClusterBackend join(ClusterJoin join, Function<ClusterJoin, ClusterMessaging> messagingOf) {
        if (!joined.compareAndSet(false, true)) {
            throw new IllegalStateException("this Redis storage joined a cluster already");
        }
        ClusterMessaging messaging;
        try {
            messaging = messagingOf.apply(join);
        } catch (RuntimeException e) {
            joined.set(false);
            throw e;
        }
        HeldEpochs held = new HeldEpochs(join.nodeId(), keys);
        commands.fenceWith(held);
        return new RedisClusterBackend(join.nodeId(),
                new RedisNodeLeases(commands, keys, join.nodeId(), join.lease().toMillis()),
                new RedisSessionOwnership(commands, keys, held), messaging);
    }

    /** Closes the connections; stores used afterwards fail. */
    @Override
    public void close() {
        if (direct != null) {
            direct.close();
        }
        redisson.shutdown();
    }
}
