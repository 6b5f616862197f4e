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
        List<WriteOp> ops = new ArrayList<>(2);
        ops.add(subscriptionsOf(clientId).put(subscription.filter().value(), options));
        index.add(ops, clientId);
        commands.writeClient(clientId, keys.subscriptions(clientId), ops);
    }

    @Override
    public void delete(String clientId, String filter) {
        List<WriteOp> ops = new ArrayList<>(2);
        subscriptionsOf(clientId).remove(ops, filter);
        commands.writeClient(clientId, keys.subscriptions(clientId), ops);
    }

    @Override
    public void deleteAll(String clientId) {
        List<WriteOp> ops = new ArrayList<>(2);
        ops.add(subscriptionsOf(clientId).delete());
        index.remove(ops, clientId);
        commands.writeClient(clientId, keys.subscriptions(clientId), ops);
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
                replies.forEach((clientId, entries) -> decode(clientId, entries.get(), subscriptions));
                return Collections.unmodifiableList(subscriptions);
            };
        });
    }

    /** One atomic read of the client's two keys. */
    @Override
    public List<Subscription> load(String clientId) {
        List<Map.Entry<String, byte[]>> entries = commands.read(batch -> subscriptionsOf(clientId).load(batch));
        List<Subscription> subscriptions = new ArrayList<>(entries.size());
        decode(clientId, entries, subscriptions);
        return Collections.unmodifiableList(subscriptions);
    }

    private void decode(String clientId, List<Map.Entry<String, byte[]>> entries, List<Subscription> into) {
        String source = keys.subscriptions(clientId);
        for (Map.Entry<String, byte[]> entry : entries) {
            into.add(new Subscription(clientId, TopicFilter.parse(entry.getKey()),
                    StoredValues.subscriptionOptions(entry.getValue(), source + " " + entry.getKey())));
        }
    }

    private OrderedHash subscriptionsOf(String clientId) {
        return new OrderedHash(keys.subscriptions(clientId), keys.subscriptionOrder(clientId));
    }
}
