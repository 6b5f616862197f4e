package dev.tern.bootstrap.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Protocol limits and delivery policy.
 *
 * @param connectTimeout how long a new connection may take to send CONNECT
 * @param maxPacketSize largest packet accepted, in bytes (the MQTT maximum is 268,435,455)
 * @param maxInflight outbound QoS 1/2 messages in flight per session before queueing
 * @param maxQueuedMessages messages queued per session beyond the in-flight window
 * @param queueOverflow what to drop when the queue is full
 * @param queueQos0ForOffline whether QoS 0 messages are queued for offline persistent sessions
 * @param retryInterval redelivery interval for unacknowledged messages; zero means only on
 *     reconnect. MQTT 5 forbids resending at any other time [MQTT-4.4.0-1], so a positive
 *     interval can only ever apply to 3.1.1 sessions
 */
public record MqttConfig(
        Duration connectTimeout,
        int maxPacketSize,
        int maxInflight,
        int maxQueuedMessages,
        QueueOverflow queueOverflow,
        boolean queueQos0ForOffline,
        Duration retryInterval) {

    public static final int MAX_PACKET_SIZE_LIMIT = 268_435_455;
    /** Receive Maximum is a two-byte integer, so no window can be larger. */
    public static final int MAX_INFLIGHT_LIMIT = 65_535;

    public MqttConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(queueOverflow, "queueOverflow");
        Objects.requireNonNull(retryInterval, "retryInterval");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (maxPacketSize < 2 || maxPacketSize > MAX_PACKET_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxPacketSize must be 2.." + MAX_PACKET_SIZE_LIMIT + ": " + maxPacketSize);
        }
        if (maxInflight < 1 || maxInflight > MAX_INFLIGHT_LIMIT) {
            throw new IllegalArgumentException("maxInflight must be 1.." + MAX_INFLIGHT_LIMIT + ": " + maxInflight);
        }
        if (maxQueuedMessages < 0) {
            throw new IllegalArgumentException("maxQueuedMessages must not be negative: " + maxQueuedMessages);
        }
        if (retryInterval.isNegative()) {
            throw new IllegalArgumentException("retryInterval must not be negative: " + retryInterval);
        }
    }
}
