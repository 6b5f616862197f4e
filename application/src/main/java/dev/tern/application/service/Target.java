package dev.tern.application.service;

import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.SubscriptionOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * What one session receives of one message: the highest granted QoS and the subscription ids that
 * matched.
 *
 * <p>Threading: confined to the thread routing the message.
 */
final class Target {
    /** Changes only when {@link Targets} reuses the object for another message. */
    String clientId;
    private Qos qos = Qos.AT_MOST_ONCE;
    private boolean retainAsPublished;
    private List<Integer> subscriptionIds = List.of();

    Target(String clientId) {
        this.clientId = clientId;
    }

    /** Reused for another message's session: as new. */
    void reset(String id) {
        clientId = id;
        qos = Qos.AT_MOST_ONCE;
        retainAsPublished = false;
        subscriptionIds = List.of();
    }

    void add(SubscriptionOptions options) {
        qos = qos.max(options.qos());
        retainAsPublished |= options.retainAsPublished();
        if (options.hasSubscriptionId()) {
            if (subscriptionIds.isEmpty()) {
                subscriptionIds = new ArrayList<>(2);
            }
            subscriptionIds.add(options.subscriptionId());
        }
    }

    void merge(Target other) {
        qos = qos.max(other.qos);
        retainAsPublished |= other.retainAsPublished;
        if (!other.subscriptionIds.isEmpty()) {
            List<Integer> ids = new ArrayList<>(subscriptionIds);
            ids.addAll(other.subscriptionIds);
            subscriptionIds = ids;
        }
    }

    boolean hasSubscriptionIds() {
        return !subscriptionIds.isEmpty();
    }

    /** Whether {@link #toDelivery} of {@code message} would give a copy equal to {@code copy}. */
    boolean sameCopyAs(ApplicationMessage copy, ApplicationMessage message) {
        return copy.qos() == message.qos().min(qos) && copy.retain() == (message.retain() && retainAsPublished);
    }

    /**
     * The copy for this session: QoS no higher than granted [MQTT-3.8.4-6]; RETAIN cleared
     * for an established subscription [MQTT-3.3.1-9] unless Retain As Published asks to keep it.
     */
    Delivery toDelivery(ApplicationMessage message) {
        ApplicationMessage copy = message.withQos(message.qos().min(qos))
                .withRetain(message.retain() && retainAsPublished);
        return new Delivery(copy, subscriptionIds);
    }
}
