package dev.tern.application.port.out;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queued (not yet in flight) deliveries of persistent sessions, ordered per session by a
 * sequence number the caller assigns. Each method is one atomic unit.
 *
 * <p>Sequences are unique across all clients (no two clients' deliveries share one while both are
 * stored) and increase in each client's append order; across clients they follow the order in
 * which they were drawn, which is close to append order. A store may therefore key deliveries by
 * sequence alone, so that appends land at the end of one index rather than in one place per
 * client.
 *
 * <p>Threading: implementations are thread-safe.
 */
public interface MessageQueueStore {

    /** Appends a delivery; a sequence already present replaces that entry. */
    void append(String clientId, StoredDelivery delivery);

    /** Removes one delivery, when it goes in flight or is dropped; an unknown one does nothing. */
    void remove(String clientId, long sequence);

    /** The session's queue in sequence order. */
    List<StoredDelivery> load(String clientId);

    /**
     * The queues of many sessions at once, each in sequence order: what {@link #load} would give
     * for each client, read in one pass where the store can. A client with nothing queued is
     * absent from the map. By default, one {@link #load} per client.
     */
    default Map<String, List<StoredDelivery>> loadAll(Collection<String> clientIds) {
        Map<String, List<StoredDelivery>> queues = new HashMap<>();
        for (String clientId : clientIds) {
            List<StoredDelivery> queue = load(clientId);
            if (!queue.isEmpty()) {
                queues.put(clientId, queue);
            }
        }
        return queues;
    }
}
