package dev.tern.domain.subscription;

import dev.tern.domain.message.Qos;

/**
 * What a client asked for when it subscribed to one filter.
 *
 * @param qos                the granted maximum QoS
 * @param noLocal            do not deliver the client's own messages (MQTT 5)
 * @param retainAsPublished  keep the RETAIN flag as published when forwarding (MQTT 5)
 * @param retainHandling     when retained messages are sent on subscribe (MQTT 5)
 * @param subscriptionId     the Subscription Identifier, or 0 when none (MQTT 5)
 */
public record SubscriptionOptions(
        Qos qos,
        boolean noLocal,
        boolean retainAsPublished,
        RetainHandling retainHandling,
        int subscriptionId) {

    public SubscriptionOptions {
        if (qos == null || retainHandling == null) {
            throw new IllegalArgumentException("qos and retain handling must not be null");
        }
        if (subscriptionId < 0 || subscriptionId > 268_435_455) {
            throw new IllegalArgumentException("subscription identifier out of range: " + subscriptionId);
        }
    }

    /** The options of an MQTT 3.1.1 subscription: only the QoS varies. */
    public static SubscriptionOptions ofQos(Qos qos) {
        return new SubscriptionOptions(qos, false, false, RetainHandling.SEND_ON_SUBSCRIBE, 0);
    }

    public boolean hasSubscriptionId() {
        return subscriptionId != 0;
    }
}
