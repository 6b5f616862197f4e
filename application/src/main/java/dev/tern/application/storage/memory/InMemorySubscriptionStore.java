package dev.tern.application.storage.memory;

import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.domain.subscription.Subscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Subscriptions kept in memory, lost when the broker stops. Each client's subscriptions sit in
 * insertion order keyed by filter text, so a replaced subscription keeps its place.
 *
 * <p>Threading: thread-safe and non-blocking, one short lock per client (see {@link ClientStates}).
 * {@link #loadAll} is consistent per client, not across clients: it is meant for start-up, before
 * sessions change.
 */
public final class InMemorySubscriptionStore implements SubscriptionStore {

    private final ClientStates<Map<String, Subscription>> clients =
            new ClientStates<>(LinkedHashMap::new, Map::isEmpty);

    @Override
    public void save(Subscription subscription) {
        clients.update(subscription.clientId(),
                subscriptions -> subscriptions.put(subscription.filter().value(), subscription));
    }

    @Override
    public void delete(String clientId, String filter) {
        clients.updateExisting(clientId, subscriptions -> subscriptions.remove(filter));
    }

    @Override
    public void deleteAll(String clientId) {
        clients.remove(clientId);
    }

    @Override
    public List<Subscription> loadAll() {
        return clients.readEach(Map::values);
    }
}
