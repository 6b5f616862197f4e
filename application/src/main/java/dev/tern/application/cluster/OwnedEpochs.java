package dev.tern.application.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ownership epoch this node holds for each client id it claimed (for a connect, still waiting
 * or attached) or adopted; what {@code release} and a later comparison with another node's claim
 * need. Cleared when the node's lease was lost.
 *
 * <p>Threading: thread-safe.
 */
public final class OwnedEpochs {

    private final Map<String, Long> epochs = new ConcurrentHashMap<>();

    void held(String clientId, long epoch) {
        epochs.put(clientId, epoch);
    }

    /** The epoch held for {@code clientId}, 0 when none. */
    long epochOf(String clientId) {
        return epochs.getOrDefault(clientId, 0L);
    }

    boolean holds(String clientId, long epoch) {
        return epochOf(clientId) == epoch;
    }

    /** Forgets {@code epoch} for {@code clientId} if it is still the one held; true if it was. */
    boolean remove(String clientId, long epoch) {
        return epochs.remove(clientId, epoch);
    }

    void clear() {
        epochs.clear();
    }
}
