package dev.tern.adapters.storage.redis;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The epochs this node holds, by client id: filled by {@link RedisSessionOwnership}'s claims and
 * seals, emptied by its releases and {@code forgetAll}. Every store write of a client, once the
 * node joined a cluster, carries the epoch held here ({@link #scriptFor}). Epochs of one client
 * only grow (see {@link OwnerRecord}), so when two claims of one id on this node finish out of
 * order the higher, later one is kept.
 *
 * <p>Threading: thread-safe (a concurrent map; no lock held across a Redis call).
 */
final class HeldEpochs {

    private final String nodeId;
    private final RedisKeys keys;
    private final ConcurrentMap<String, Long> held = new ConcurrentHashMap<>();

    HeldEpochs(String nodeId, RedisKeys keys) {
        this.nodeId = nodeId;
        this.keys = keys;
    }

    String nodeId() {
        return nodeId;
    }

    void hold(String clientId, long epoch) {
        held.merge(clientId, epoch, Math::max);
    }

    void drop(String clientId, long epoch) {
        held.remove(clientId, epoch);
    }

    void dropAll() {
        held.clear();
    }

    /**
     * An empty fenced script for {@code clientId} carrying the epoch held now.
     *
     * @throws FencedWriteException when this node holds no epoch for the client
     */
    FencedScript scriptFor(String clientId) {
        Long epoch = held.get(clientId);
        if (epoch == null) {
            throw new FencedWriteException("Write of client " + clientId + " refused: node " + nodeId
                    + " holds no ownership epoch for it (it never claimed the session, or released or lost it)");
        }
        return new FencedScript(clientId, keys.owner(clientId), nodeId, epoch);
    }
}
