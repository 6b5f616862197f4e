package dev.tern.application.cluster.memory;

import dev.tern.application.port.cluster.RouteListener;
import dev.tern.application.port.cluster.RouteTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Routes in the cluster's map; other nodes' listeners hear each change at once, on the calling
 * thread, outside the cluster's monitor. A departed node's removal is heard by every node but the
 * departed one, its adopter included (as in Redis: it must drop those routes too). Threading:
 * thread-safe.
 */
final class InMemoryRoutes implements RouteTable {

    private final InMemoryCluster cluster;
    private final String nodeId;
    private volatile RouteListener listener;

    InMemoryRoutes(InMemoryCluster cluster, String nodeId) {
        this.cluster = cluster;
        this.nodeId = nodeId;
    }

    @Override
    public void add(String filter) {
        boolean added;
        synchronized (cluster) {
            added = cluster.routes.computeIfAbsent(nodeId, n -> new HashSet<>()).add(filter);
        }
        if (added) {
            tellOthers(l -> l.added(nodeId, filter));
        }
    }

    @Override
    public void remove(String filter) {
        boolean removed;
        synchronized (cluster) {
            Set<String> filters = cluster.routes.get(nodeId);
            removed = filters != null && filters.remove(filter);
            if (removed && filters.isEmpty()) {
                cluster.routes.remove(nodeId);
            }
        }
        if (removed) {
            tellOthers(l -> l.removed(nodeId, filter));
        }
    }

    @Override
    public Map<String, Set<String>> snapshot() {
        synchronized (cluster) {
            Map<String, Set<String>> copy = new HashMap<>();
            cluster.routes.forEach((node, filters) -> copy.put(node, Set.copyOf(filters)));
            return copy;
        }
    }

    @Override
    public void removeNode(String departed) {
        synchronized (cluster) {
            cluster.routes.remove(departed);
        }
        tellAllBut(departed, l -> l.nodeRemoved(departed));
    }

    void resync() {
        RouteListener current = listener;
        if (current != null) {
            current.resync();
        }
    }

    @Override
    public void listen(RouteListener routeListener) {
        synchronized (cluster) {
            this.listener = routeListener;
            cluster.routeListeners.put(nodeId, this);
        }
    }

    private void tellOthers(Consumer<RouteListener> change) {
        tellAllBut(nodeId, change);
    }

    /** Tells every listening node but {@code skipped} (the node whose routes changed). */
    private void tellAllBut(String skipped, Consumer<RouteListener> change) {
        List<RouteListener> others = new ArrayList<>();
        synchronized (cluster) {
            cluster.routeListeners.forEach((node, routes) -> {
                if (!node.equals(skipped) && routes.listener != null) {
                    others.add(routes.listener);
                }
            });
        }
        others.forEach(change);
    }
}
