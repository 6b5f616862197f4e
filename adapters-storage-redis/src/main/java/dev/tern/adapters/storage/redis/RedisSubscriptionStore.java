package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.topic.TopicFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Each client's subscriptions are an {@link OrderedHash} ({@code subs:{C}} filter text to options,
 * {@code subs-order:{C}} the order first saved); a {@link ClientIndex} lists the clients for
 * {@link #loadAll}. With the set {@code subscribers} a client stays listed until
 * {@link #deleteAll}, even with no subscriptions left, which costs loadAll one empty read; in a
 * cluster a client is listed while its {@code subs:{C}} hash exists.
 *
 * <p>Threading: thread-safe.
 */
final class RedisSubscriptionStore implements SubscriptionStore {

    private final RedisCommands commands;
    private final RedisKeys keys;
    private final ClientIndex index;

    RedisSubscriptionStore(RedisCommands commands, RedisKeys keys, ClientIndex index) {
        this.commands = commands;
        this.keys = keys;
        this.index = index;
    }

    @Override
    public void save(Subscription subscription) {
        String clientId = subscription.clientId();
        byte[] options = StoredValues.subscriptionOptions(subscription.options());
        commands.write(keys.subscriptions(clientId), batch -> {
            subscriptionsOf(clientId).put(batch, subscription.filter().value(), options);
            index.add(batch, clientId);
        });
    }

    @Override
    public void delete(String clientId, String filter) {
        commands.write(keys.subscriptions(clientId), batch -> subscriptionsOf(clientId).remove(batch, filter));
    }

    @Override
    public void deleteAll(String clientId) {
        commands.write(keys.subscriptions(clientId), batch -> {
            subscriptionsOf(clientId).delete(batch);
            index.remove(batch, clientId);
        });
    }

    @Override
    public List<Subscription> loadAll() {
        Set<String> clientIds = index.clientIds();
        return commands.readManyClients(batch -> {
            Map<String, Supplier<List<Map.Entry<String, byte[]>>>> replies = new LinkedHashMap<>();
            for (String clientId : clientIds) {
                replies.put(clientId, subscriptionsOf(clientId).load(batch));
            }
            return () -> {
                List<Subscription> subscriptions = new ArrayList<>();
                replies.forEach((clientId, entries) -> {
                    String source = keys.subscriptions(clientId);
                    for (Map.Entry<String, byte[]> entry : entries.get()) {
                        subscriptions.add(new Subscription(clientId, TopicFilter.parse(entry.getKey()),
                                StoredValues.subscriptionOptions(entry.getValue(), source + " " + entry.getKey())));
                    }
                });
                return Collections.unmodifiableList(subscriptions);
            };
        });
    }

    private OrderedHash subscriptionsOf(String clientId) {
        return new OrderedHash(keys.subscriptions(clientId), keys.subscriptionOrder(clientId));
    }
}
