package dev.tern.application.config;

import dev.tern.domain.delivery.OverflowPolicy;

/**
 * Protocol limits and policies the engine applies to every connection.
 *
 * @param connectTimeoutMillis  how long a new connection may take to send CONNECT
 * @param maxPacketSize         the largest packet the broker accepts, in bytes
 * @param maxInflight           outbound QoS 1/2 messages in flight per session
 * @param maxQueuedMessages     messages queued per session beyond those in flight
 * @param overflowPolicy        what a full queue does with one more message
 * @param queueQos0WhileOffline whether QoS 0 messages are queued for offline persistent sessions
 */
public record MqttSettings(
        long connectTimeoutMillis,
        int maxPacketSize,
        int maxInflight,
        int maxQueuedMessages,
        OverflowPolicy overflowPolicy,
        boolean queueQos0WhileOffline) {

    public static final int PROTOCOL_MAX_PACKET_SIZE = 268_435_455;

    public MqttSettings {
        if (connectTimeoutMillis <= 0) {
            throw new IllegalArgumentException("connect timeout must be positive");
        }
        if (maxPacketSize < 16 || maxPacketSize > PROTOCOL_MAX_PACKET_SIZE) {
            throw new IllegalArgumentException("max packet size must be 16.." + PROTOCOL_MAX_PACKET_SIZE);
        }
        if (maxInflight < 1 || maxInflight > 0xFFFF) {
            throw new IllegalArgumentException("max in-flight must be 1..65535");
        }
        if (maxQueuedMessages < 1) {
            throw new IllegalArgumentException("max queued messages must be positive");
        }
        if (overflowPolicy == null) {
            throw new IllegalArgumentException("overflow policy must not be null");
        }
    }

    public static MqttSettings defaults() {
        return new MqttSettings(10_000, PROTOCOL_MAX_PACKET_SIZE, 32, 1000, OverflowPolicy.DROP_OLDEST, false);
    }
}
