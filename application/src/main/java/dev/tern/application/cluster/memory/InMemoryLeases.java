package dev.tern.application.cluster.memory;

import dev.tern.application.port.cluster.NodeLeases;
import java.util.HashSet;
import java.util.Set;

/** Leases as deadlines on the cluster's clock. Threading: thread-safe. */
final class InMemoryLeases implements NodeLeases {

    private final InMemoryCluster cluster;
    private final String nodeId;
    private final long leaseMillis;
    /** Guarded by the cluster's monitor. */
    private boolean joined;

    InMemoryLeases(InMemoryCluster cluster, String nodeId, long leaseMillis) {
        this.cluster = cluster;
        this.nodeId = nodeId;
        this.leaseMillis = leaseMillis;
    }

    /** Under the cluster's monitor: fails while this node is cut off the backend. */
    private void reachable() {
        if (cluster.unreachable.contains(nodeId)) {
            throw new IllegalStateException("backend unreachable");
        }
    }

    @Override
    public boolean renew() {
        synchronized (cluster) {
            reachable();
            long now = cluster.now();
            // A passed lease nobody claimed is taken again: nobody adopted anything of this node.
            boolean kept = cluster.members.contains(nodeId);
            // The first call on this instance joins, whatever an earlier run left; a later call
            // after another node adopted this one is not kept.
            boolean firstJoin = !joined;
            joined = true;
            cluster.members.add(nodeId);
            cluster.leaseEnds.put(nodeId, now + leaseMillis);
            return kept || firstJoin;
        }
    }

    @Override
    public Set<String> liveNodes() {
        synchronized (cluster) {
            reachable();
            long now = cluster.now();
            Set<String> live = new HashSet<>();
            cluster.leaseEnds.forEach((node, end) -> {
                if (end > now) {
                    live.add(node);
                }
            });
            return live;
        }
    }

    @Override
    public Set<String> departedNodes() {
        synchronized (cluster) {
            Set<String> departed = new HashSet<>(cluster.members);
            departed.removeAll(liveNodes());
            return departed;
        }
    }

    @Override
    public boolean claimDeparted(String node) {
        synchronized (cluster) {
            reachable();
            if (!departedNodes().contains(node)) {
                return false;
            }
            cluster.members.remove(node);
            cluster.leaseEnds.remove(node);
            return true;
        }
    }

    @Override
    public void leave() {
        synchronized (cluster) {
            reachable();
            cluster.leaseEnds.remove(nodeId);
        }
    }
}
