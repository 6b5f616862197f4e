package dev.tern.application.port.out;

import dev.tern.domain.subscription.Subscription;
import java.util.List;

/**
 * The subscriptions of persistent sessions, identified by client id and filter text. Each method
 * is one atomic unit.
 *
 * <p>Threading: implementations are thread-safe.
 */
public interface SubscriptionStore {

    /** Inserts or replaces the subscription of (client id, filter). */
    void save(Subscription subscription);

    /** Removes one subscription; removing an unknown one does nothing. */
    void delete(String clientId, String filter);

    void deleteAll(String clientId);

    /** Every stored subscription of every client, each client's in the order first saved. */
    List<Subscription> loadAll();

    /**
     * The subscriptions of one client in the order first saved. The default reads them all; a
     * backend that can carry a cluster overrides it.
     */
    default List<Subscription> load(String clientId) {
        return loadAll().stream().filter(s -> s.clientId().equals(clientId)).toList();
    }
}
