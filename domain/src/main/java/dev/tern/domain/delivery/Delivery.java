package dev.tern.domain.delivery;

import dev.tern.domain.message.ApplicationMessage;
import java.util.List;

/**
 * One message on its way to one session: {@code message} already carries the delivery QoS (the
 * lower of published and granted) and the RETAIN flag the subscription calls for.
 *
 * @param subscriptionIds the MQTT 5 Subscription Identifiers of the matching subscriptions
 */
public record Delivery(ApplicationMessage message, List<Integer> subscriptionIds) {
    public Delivery {
        if (message == null) {
            throw new IllegalArgumentException("message must not be null");
        }
        subscriptionIds = List.copyOf(subscriptionIds);
    }

    public static Delivery of(ApplicationMessage message) {
        return new Delivery(message, List.of());
    }

    /**
     * What the byte bounds of queues and in-flight windows count: the payload and the topic (its
     * characters, a close enough measure of its UTF-8 bytes for a bound, and free to compute).
     */
    public long sizeInBytes() {
        return (long) message.payload().size() + message.topic().value().length();
    }
}
