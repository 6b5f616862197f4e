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

    private final Clock clock;
    final Map<String, Long> leaseEnds = new HashMap<>();
    final Set<String> members = new HashSet<>();
    final Map<String, Owner> owners = new HashMap<>();
    final Map<String, Set<String>> routes = new HashMap<>();
    final Map<String, InMemoryForwarding> receivers = new HashMap<>();
    /** Durable forwarded messages not yet settled, by receiving node, in the order sent. */
    final Map<String, Map<String, ForwardedMessage>> unsettled = new HashMap<>();
    final Map<String, InMemoryRoutes> routeListeners = new HashMap<>();
    long lastEpoch;

    /** The owner of a client id: node, epoch, and whether the epoch is sealed. */
    record Owner(String node, long epoch, boolean sealed, String previousNode, long previousEpoch) {
    }

    public InMemoryCluster(Clock clock) {
        this.clock = clock;
    }

    /** One node's view; the node joins with its first lease renewal. */
    public ClusterBackend join(ClusterJoin join) {
        return new InMemoryClusterNode(this, join);
    }

    long now() {
        return clock.millis();
    }

    /** Whether {@code node}, holding {@code epoch} for {@code clientId}, may write that client's state. */
    public synchronized boolean mayWrite(String node, String clientId, long epoch) {
        Owner owner = owners.get(clientId);
        if (owner == null) {
            return false;
        }
        if (owner.node().equals(node) && owner.epoch() == epoch) {
            return true;
        }
        return !owner.sealed() && owner.previousNode().equals(node) && owner.previousEpoch() == epoch;
    }
}
