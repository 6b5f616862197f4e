package dev.tern.adapters.storage.redis;

import static dev.tern.adapters.storage.redis.RedisCommands.result;

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
import org.redisson.api.RFuture;

/**
 * Each client's subscriptions are an {@link OrderedHash} ({@code subs:{C}} filter text to options,
 * {@code subs-order:{C}} the order first saved); the set {@code subscribers} lists the clients for
 * {@link #loadAll}. A client stays in that set until {@link #deleteAll}, even with no
 * subscriptions left, which costs loadAll one empty read.
 *
 * <p>Threading: thread-safe.
 */
final class RedisSubscriptionStore implements SubscriptionStore {

    private final RedisCommands commands;
    private final RedisKeys keys;

    RedisSubscriptionStore(RedisCommands commands, RedisKeys keys) {
        this.commands = commands;
        this.keys = keys;
    }

    @Override
    public void save(Subscription subscription) {
        String clientId = subscription.clientId();
        byte[] options = StoredValues.subscriptionOptions(subscription.options());
        commands.write(batch -> {
            subscriptionsOf(clientId).put(batch, subscription.filter().value(), options);
            batch.<String>getSet(keys.subscribers(), Codecs.TEXT).addAsync(clientId);
        });
    }

    @Override
    public void delete(String clientId, String filter) {
        commands.write(batch -> subscriptionsOf(clientId).remove(batch, filter));
    }

    @Override
    public void deleteAll(String clientId) {
        commands.write(batch -> {
            subscriptionsOf(clientId).delete(batch);
            batch.<String>getSet(keys.subscribers(), Codecs.TEXT).removeAsync(clientId);
        });
    }

    @Override
    public List<Subscription> loadAll() {
        Set<String> clientIds = commands.read(batch -> {
            RFuture<Set<String>> members = batch.<String>getSet(keys.subscribers(), Codecs.TEXT).readAllAsync();
            return () -> result(members);
        });
        return commands.read(batch -> {
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
