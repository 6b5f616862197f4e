package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.util.Objects;

/**
 * Per-client resource limits, the retained store's limits and the per-subscriber delivery rate:
 * the {@code limits.client.*}, {@code limits.topic.*}, {@code limits.client-id.*}, {@code
 * limits.session.*}, {@code limits.retained.*} and {@code limits.delivery.*} settings. Why each
 * default is what it is: docs/hardening.md.
 *
 * @param maxSubscriptions   subscriptions one session may hold
 * @param maxTopicLength     UTF-8 bytes of a topic name or filter
 * @param maxTopicLevels     levels of a topic name or filter
 * @param maxClientIdLength  UTF-8 bytes of a client id; at least 23, which every server must accept [MQTT-3.1.3-5]
 * @param maxQueuedBytes     bytes queued per session (payload plus topic), besides the message count
 * @param maxInflightBytes   bytes of the messages in flight per session, besides their count
 * @param maxRetained        retained messages kept
 * @param maxRetainedBytes   bytes of the retained messages (payload plus topic)
 * @param retainedWhenFull   refuse a new retained message, or drop the oldest ones
 * @param deliveryRate       messages a second sent to one subscriber; 0 = no limit
 * @param deliveryBurst      messages a subscriber may be sent at once before the rate applies; 0 = the rate
 */
public record LimitsConfig(
        @Setting(name = "client.max-subscriptions", defaultValue = "10000", min = 1, max = Integer.MAX_VALUE,
                description = "subscriptions one client may hold; more are refused (MQTT 5 SUBACK 0x97, 3.1.1 0x80)")
        int maxSubscriptions,
        @Setting(name = "topic.max-length", defaultValue = "65535", min = 1, max = 65_535,
                description = "UTF-8 bytes of a topic name or filter; longer ones are refused (0x90, 0x8F)")
        int maxTopicLength,
        @Setting(name = "topic.max-levels", defaultValue = "128", min = 1, max = 65_535,
                description = "levels of a topic name or filter; deeper ones are refused (0x90, 0x8F)")
        int maxTopicLevels,
        @Setting(name = "client-id.max-length", defaultValue = "256", min = 23, max = 65_535,
                description = "UTF-8 bytes of a client id; longer ones are refused (CONNACK 0x85, 3.1.1 0x02)")
        int maxClientIdLength,
        @Setting(name = "session.max-queued-bytes", defaultValue = "67108864", min = 1,
                description = "bytes queued per session besides mqtt.max-queued-messages; mqtt.queue-overflow applies")
        long maxQueuedBytes,
        @Setting(name = "session.max-inflight-bytes", defaultValue = "16777216", min = 1,
                description = "bytes of the QoS 1/2 messages in flight per session; more wait in the queue")
        long maxInflightBytes,
        @Setting(name = "retained.max-messages", defaultValue = "1000000", min = 1,
                description = "retained messages the broker keeps")
        long maxRetained,
        @Setting(name = "retained.max-bytes", defaultValue = "1073741824", min = 1,
                description = "bytes (payload plus topic) of the retained messages")
        long maxRetainedBytes,
        @Setting(name = "retained.when-full", defaultValue = "refuse",
                description = "a retained message that does not fit: refuse (MQTT 5 0x97) or drop-oldest")
        RetainedWhenFull retainedWhenFull,
        @Setting(name = "delivery.rate", defaultValue = "0", min = 0, max = 1_000_000,
                description = "messages a second sent to one subscriber; above it clean sessions lose them, "
                        + "persistent ones keep them queued; 0 = no limit")
        int deliveryRate,
        @Setting(name = "delivery.burst", defaultValue = "0", min = 0, max = 1_000_000,
                description = "messages a subscriber may get at once before limits.delivery.rate applies; 0 = the rate")
        int deliveryBurst) {

    public LimitsConfig {
        Objects.requireNonNull(retainedWhenFull, "retainedWhenFull");
    }

    /** The burst in force: the one set, or one second's worth of the rate. */
    public int effectiveDeliveryBurst() {
        return deliveryBurst > 0 ? deliveryBurst : Math.max(1, deliveryRate);
    }
}
