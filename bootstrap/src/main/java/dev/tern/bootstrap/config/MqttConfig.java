package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.time.Duration;
import java.util.Objects;

/**
 * Protocol limits and delivery policy: the {@code mqtt.*} settings.
 *
 * @param connectTimeout how long a new connection may take to send CONNECT
 * @param maxPacketSize largest packet accepted, in bytes (the MQTT maximum is 268,435,455)
 * @param maxInflight outbound QoS 1/2 messages in flight per session before queueing
 * @param maxQueuedMessages messages queued per session beyond the in-flight window
 * @param queueOverflow what to drop when the queue is full
 * @param queueQos0ForOffline whether QoS 0 messages are queued for offline persistent sessions
 */
public record MqttConfig(
        @Setting(defaultValue = "10", min = 1, max = 3600,
                description = "seconds a new connection has to send CONNECT")
        Duration connectTimeout,
        @Setting(defaultValue = "268435455", min = 2, max = MqttConfig.MAX_PACKET_SIZE_LIMIT,
                description = "largest packet accepted, in bytes")
        int maxPacketSize,
        @Setting(defaultValue = "32", min = 1, max = MqttConfig.MAX_INFLIGHT_LIMIT,
                description = "outbound QoS 1/2 messages in flight per session")
        int maxInflight,
        @Setting(defaultValue = "1000", min = 1, max = Integer.MAX_VALUE,
                description = "messages queued per session beyond the in-flight window")
        int maxQueuedMessages,
        @Setting(defaultValue = "drop-oldest", description = "when a queue is full: drop-oldest or refuse-newest")
        QueueOverflow queueOverflow,
        @Setting(defaultValue = "false", description = "whether QoS 0 messages are queued for offline sessions")
        boolean queueQos0ForOffline) {

    public static final int MAX_PACKET_SIZE_LIMIT = 268_435_455;
    /** Receive Maximum is a two-byte integer, so no window can be larger. */
    public static final int MAX_INFLIGHT_LIMIT = 65_535;

    public MqttConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(queueOverflow, "queueOverflow");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (maxPacketSize < 2 || maxPacketSize > MAX_PACKET_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxPacketSize must be 2.." + MAX_PACKET_SIZE_LIMIT + ": " + maxPacketSize);
        }
        if (maxInflight < 1 || maxInflight > MAX_INFLIGHT_LIMIT) {
            throw new IllegalArgumentException("maxInflight must be 1.." + MAX_INFLIGHT_LIMIT + ": " + maxInflight);
        }
        if (maxQueuedMessages < 1) {
            throw new IllegalArgumentException("maxQueuedMessages must be positive: " + maxQueuedMessages);
        }
    }
}
