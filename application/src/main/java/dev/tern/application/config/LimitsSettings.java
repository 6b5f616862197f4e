package dev.tern.application.config;

/**
 * What one client may hold and use, and how large the retained store may grow: the bounds that
 * keep one client, or many retained topics, from taking the broker's memory.
 *
 * @param maxSubscriptionsPerClient subscriptions one session may hold (0x97 beyond)
 * @param maxTopicLength            UTF-8 bytes of a topic name or filter (0x90 / 0x8F beyond)
 * @param maxTopicLevels            levels of a topic name or filter
 * @param maxClientIdLength         UTF-8 bytes of a client id (CONNACK 0x85 beyond)
 * @param maxQueuedBytes            bytes queued per session, besides the message count bound
 * @param maxInflightBytes          bytes of the messages in flight per session, besides their count
 * @param maxRetainedMessages       retained messages the broker keeps
 * @param maxRetainedBytes          bytes (payload and topic) of the retained messages
 * @param retainedWhenFull          what a retained message that does not fit does
 * @param deliveryRate              messages a second sent to one subscriber; 0 for no bound
 * @param deliveryBurst             messages a subscriber may be sent at once before the rate applies
 */
public record LimitsSettings(
        int maxSubscriptionsPerClient,
        int maxTopicLength,
        int maxTopicLevels,
        int maxClientIdLength,
        long maxQueuedBytes,
        long maxInflightBytes,
        long maxRetainedMessages,
        long maxRetainedBytes,
        RetainedOverflow retainedWhenFull,
        int deliveryRate,
        int deliveryBurst) {

    /** The longest UTF-8 string MQTT can carry, so the largest topic or client id there can be. */
    public static final int PROTOCOL_MAX_STRING = 65_535;
    /** The client id length every server must accept [MQTT-3.1.3-5]. */
    public static final int MIN_CLIENT_ID_LENGTH = 23;

    public LimitsSettings {
        positive("max subscriptions per client", maxSubscriptionsPerClient);
        positive("max topic length", maxTopicLength);
        positive("max topic levels", maxTopicLevels);
        if (maxClientIdLength < MIN_CLIENT_ID_LENGTH) {
            // [MQTT-3.1.3-5]: a server must accept client ids of 1 to 23 bytes.
            throw new IllegalArgumentException("max client id length must be at least " + MIN_CLIENT_ID_LENGTH);
        }
        positive("max queued bytes", maxQueuedBytes);
        positive("max in-flight bytes", maxInflightBytes);
        positive("max retained messages", maxRetainedMessages);
        positive("max retained bytes", maxRetainedBytes);
        positive("delivery burst", deliveryBurst);
        if (maxTopicLength > PROTOCOL_MAX_STRING || maxClientIdLength > PROTOCOL_MAX_STRING) {
            throw new IllegalArgumentException("topic and client id lengths are at most " + PROTOCOL_MAX_STRING);
        }
        if (retainedWhenFull == null) {
            throw new IllegalArgumentException("retained overflow policy must not be null");
        }
        if (deliveryRate < 0) {
            throw new IllegalArgumentException("delivery rate must not be negative: " + deliveryRate);
        }
    }

    /** The defaults of the {@code limits.*} settings. */
    public static LimitsSettings defaults() {
        return new LimitsSettings(10_000, PROTOCOL_MAX_STRING, 128, 256, 64L << 20, 16L << 20, 1_000_000, 1L << 30,
                RetainedOverflow.REFUSE, 0, 1);
    }

    public boolean limitsDeliveryRate() {
        return deliveryRate > 0;
    }

    private static void positive(String what, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
    }
}
