package dev.tern.domain.message;

import dev.tern.domain.topic.TopicName;

/**
 * A message as the broker routes it: immutable and shared by every delivery.
 *
 * @param topic            where it was published
 * @param payload          copied once when decoded
 * @param qos              the publisher's QoS; each delivery uses the lower of this and the subscription's
 * @param retain           the RETAIN flag as published
 * @param properties       MQTT 5 properties forwarded to subscribers
 * @param publisherId      the client id of the publisher, for No Local; empty for broker-made messages
 * @param expiresAtMillis  epoch millis after which it must not be delivered, or {@link #NEVER}
 */
public record ApplicationMessage(
        TopicName topic,
        Payload payload,
        Qos qos,
        boolean retain,
        MessageProperties properties,
        String publisherId,
        long expiresAtMillis) {

    public static final long NEVER = Long.MAX_VALUE;

    public ApplicationMessage {
        if (topic == null || payload == null || qos == null || properties == null || publisherId == null) {
            throw new IllegalArgumentException("message fields must not be null");
        }
    }

    public static ApplicationMessage of(String topic, byte[] payload, Qos qos, boolean retain) {
        return new ApplicationMessage(new TopicName(topic), Payload.wrap(payload), qos, retain,
                MessageProperties.NONE, "", NEVER);
    }

    public boolean isExpiredAt(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }

    /** Seconds left for the Message Expiry Interval forwarded to a subscriber, rounded up; -1 if none. */
    public long remainingExpirySeconds(long nowMillis) {
        if (expiresAtMillis == NEVER) {
            return -1;
        }
        long left = Math.max(0, expiresAtMillis - nowMillis);
        // Not (left + 999) / 1000: that overflows for deadlines near Long.MAX_VALUE.
        return left / 1000 + (left % 1000 == 0 ? 0 : 1);
    }

    public ApplicationMessage withQos(Qos newQos) {
        return newQos == qos ? this
                : new ApplicationMessage(topic, payload, newQos, retain, properties, publisherId, expiresAtMillis);
    }

    public ApplicationMessage withRetain(boolean newRetain) {
        return newRetain == retain ? this
                : new ApplicationMessage(topic, payload, qos, newRetain, properties, publisherId, expiresAtMillis);
    }
}
