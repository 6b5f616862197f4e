package dev.tern.application.cluster.memory;

import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.cluster.ClusterJoin;
import dev.tern.application.port.cluster.ForwardedMessage;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The shared state of an in-memory cluster: what a Redis deployment holds for a real one. Each
 * {@link #join} gives one node's view.
 *
 * <p>Threading: thread-safe; every state change holds this object's monitor, which stands for the
 * atomicity a Lua script gives in Redis.
 */
public final class InMemoryCluster {

    /** The default bound on a node's unsettled durable messages, as in Redis. */
    public static final int DEFAULT_FORWARD_BOUND = 1_000_000;

    private final Clock clock;
    final int forwardBound;
    final Map<String, Long> leaseEnds = new HashMap<>();
    final Set<String> members = new HashSet<>();
    final Map<String, Owner> owners = new HashMap<>();
    final Map<String, Set<String>> routes = new HashMap<>();
    final Map<String, InMemoryForwarding> receivers = new HashMap<>();
    /** Durable forwarded messages not yet settled, by receiving node, in the order sent. */
    final Map<String, Map<String, ForwardedMessage>> unsettled = new HashMap<>();
    final Map<String, InMemoryRoutes> routeListeners = new HashMap<>();
    /** Nodes whose lease calls fail, as when Redis is out of their reach. */
    final Set<String> unreachable = new HashSet<>();
    long lastEpoch;

    /** The owner of a client id: node, epoch, and whether the epoch is sealed. */
    record Owner(String node, long epoch, boolean sealed, String previousNode, long previousEpoch) {
    }

    public InMemoryCluster(Clock clock) {
        this(clock, DEFAULT_FORWARD_BOUND);
    }

    /** @param forwardBound the most unsettled durable messages one node may have waiting; more are refused */
    public InMemoryCluster(Clock clock, int forwardBound) {
        if (forwardBound < 1) {
            throw new IllegalArgumentException("forward bound must be positive: " + forwardBound);
        }
        this.clock = clock;
        this.forwardBound = forwardBound;
    }

    /**
     * Acts as if {@code nodeId}'s connection to the backend had dropped and come back: its route
     * listener and its receiver hear {@code resync()} (nothing is lost here, so that is all).
     */
    public void reconnect(String nodeId) {
        InMemoryRoutes routes;
        InMemoryForwarding forwarding;
        synchronized (this) {
            routes = routeListeners.get(nodeId);
            forwarding = receivers.get(nodeId);
        }
        if (routes != null) {
            routes.resync();
        }
        if (forwarding != null) {
            forwarding.resync();
        }
    }

    /**
     * Cuts {@code nodeId} off the backend ({@code reachable} false) or lets it back: while cut off,
     * each of its lease calls fails as when Redis is out of its reach (its other calls still work).
     */
    public synchronized void reachable(String nodeId, boolean reachable) {
        if (reachable) {
            unreachable.remove(nodeId);
        } else {
            unreachable.add(nodeId);
        }
    }

    /** One node's view; the node joins with its first lease renewal. */
    public ClusterBackend join(ClusterJoin join) {
        return new InMemoryClusterNode(this, join);
    }

    long now() {
        return clock.millis();
    }
}
