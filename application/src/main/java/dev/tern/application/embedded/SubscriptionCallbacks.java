package dev.tern.application.embedded;

import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which callback a delivered message goes to. Each subscription carries its own MQTT 5
 * Subscription Identifier, which the broker echoes on every message it delivers for it; so a
 * message matching two subscriptions reaches both callbacks, and each exactly once. Subscribing
 * to a filter again replaces its callback, as it replaces the subscription.
 *
 * <p>Threading: confined to the client's connection thread.
 */
final class SubscriptionCallbacks {

    private record Entry(String filter, Consumer<InProcessMessage> callback) {
    }

    private final Map<Integer, Entry> byId = new HashMap<>();
    private final Map<String, Integer> idByFilter = new HashMap<>();
    private int lastId;

    /** Registers the callback before the SUBSCRIBE goes out; returns its Subscription Identifier. */
    int register(String filter, Consumer<InProcessMessage> callback) {
        int id = ++lastId;
        Integer previous = idByFilter.put(filter, id);
        if (previous != null) {
            byId.remove(previous);
        }
        byId.put(id, new Entry(filter, callback));
        return id;
    }

    /** The SUBACK refused it: the filter has no subscription, so no callback either. */
    void refused(String filter, int id) {
        if (idByFilter.remove(filter, id)) {
            byId.remove(id);
        }
    }

    void unsubscribed(String filter) {
        Integer id = idByFilter.remove(filter);
        if (id != null) {
            byId.remove(id);
        }
    }

    List<Consumer<InProcessMessage>> callbacksFor(Publish publish) {
        List<Consumer<InProcessMessage>> callbacks = new ArrayList<>(1);
        for (long id : publish.properties().integers(PropertyId.SUBSCRIPTION_IDENTIFIER)) {
            Entry entry = byId.get((int) id);
            if (entry != null) {
                callbacks.add(entry.callback());
            }
        }
        if (callbacks.isEmpty()) {
            // No identifier known (a subscription replaced meanwhile): match the filters instead.
            TopicName topic = TopicName.parseOrNull(publish.topic());
            for (Entry entry : byId.values()) {
                TopicFilter filter = TopicFilter.parseOrNull(entry.filter());
                if (topic != null && filter != null && filter.matches(topic)) {
                    callbacks.add(entry.callback());
                }
            }
        }
        return callbacks;
    }
}
