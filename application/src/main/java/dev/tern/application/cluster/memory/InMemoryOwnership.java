package dev.tern.application.cluster.memory;

import dev.tern.application.cluster.memory.InMemoryCluster.Owner;
import dev.tern.application.port.cluster.SessionOwnership;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Ownership records in the cluster's map, epochs from one counter. Threading: thread-safe. */
final class InMemoryOwnership implements SessionOwnership {

    private final InMemoryCluster cluster;
    private final String nodeId;

    InMemoryOwnership(InMemoryCluster cluster, String nodeId) {
        this.cluster = cluster;
        this.nodeId = nodeId;
    }

    @Override
    public Claim claim(String clientId) {
        synchronized (cluster) {
            Owner before = cluster.owners.get(clientId);
            long epoch = ++cluster.lastEpoch;
            cluster.owners.put(clientId, before == null
                    ? new Owner(nodeId, epoch, false, "", 0)
                    : new Owner(nodeId, epoch, false, before.node(), before.epoch()));
            return new Claim(clientId, epoch, before == null ? "" : before.node());
        }
    }

    @Override
    public Optional<Claim> claimFrom(String clientId, String expectedOwner) {
        synchronized (cluster) {
            Owner before = cluster.owners.get(clientId);
            if (before == null || !before.node().equals(expectedOwner)) {
                return Optional.empty();
            }
            long epoch = ++cluster.lastEpoch;
            cluster.owners.put(clientId, new Owner(nodeId, epoch, true, "", 0));
            return Optional.of(new Claim(clientId, epoch, expectedOwner));
        }
    }

    @Override
    public boolean seal(String clientId, long epoch) {
        synchronized (cluster) {
            Owner owner = cluster.owners.get(clientId);
            if (owner == null || !owner.node().equals(nodeId) || owner.epoch() != epoch) {
                return false;
            }
            cluster.owners.put(clientId, new Owner(nodeId, epoch, true, "", 0));
            return true;
        }
    }

    @Override
    public void release(String clientId, long epoch) {
        synchronized (cluster) {
            Owner owner = cluster.owners.get(clientId);
            if (owner != null && owner.node().equals(nodeId) && owner.epoch() == epoch) {
                cluster.owners.remove(clientId);
            }
        }
    }

    @Override
    public void forgetAll() {
        // Nothing to forget: the stand-in fences no store, so it keeps no epochs per node.
    }

    @Override
    public Set<String> ownedBy(String node) {
        synchronized (cluster) {
            return cluster.owners.entrySet().stream().filter(e -> e.getValue().node().equals(node))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
        }
    }
}
