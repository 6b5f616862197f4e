package dev.tern.application.service;

import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.port.out.MetricsRegistry.Counter;

/**
 * Messages and payload bytes that clients sent to the broker and that the broker sent to clients,
 * by QoS. Registered once at wiring; counting is one counter increment per message and one per
 * byte total, without allocation.
 *
 * <p>Threading: thread-safe; called on every event loop at once.
 */
public final class TrafficMeters {

    /** Counts nothing. */
    public static final TrafficMeters NONE = new TrafficMeters(MetricsRegistry.NONE);

    private final Counter[] messagesIn = new Counter[3];
    private final Counter[] bytesIn = new Counter[3];
    private final Counter[] messagesOut = new Counter[3];
    private final Counter[] bytesOut = new Counter[3];

    public TrafficMeters(MetricsRegistry registry) {
        for (int qos = 0; qos < 3; qos++) {
            String q = String.valueOf(qos);
            messagesIn[qos] = registry.counter("tern_messages_received",
                    "PUBLISH packets received from clients (QoS 2 duplicates included)", "qos", q);
            bytesIn[qos] = registry.counter("tern_bytes_received",
                    "payload bytes of the PUBLISH packets received from clients", "qos", q);
            messagesOut[qos] = registry.counter("tern_messages_sent",
                    "messages sent to clients, by the QoS they were sent at (resends not counted)", "qos", q);
            bytesOut[qos] = registry.counter("tern_bytes_sent", "payload bytes of the messages sent to clients",
                    "qos", q);
        }
    }

    /** A PUBLISH arrived from a client. */
    public void received(int qos, int payloadBytes) {
        messagesIn[qos].increment();
        bytesIn[qos].increment(payloadBytes);
    }

    /** A message left for a client. */
    void sent(int qos, int payloadBytes) {
        messagesOut[qos].increment();
        bytesOut[qos].increment(payloadBytes);
    }

    /** {@code messages} messages of {@code payloadBytes} bytes in all left for clients. */
    void sent(int qos, long messages, long payloadBytes) {
        messagesOut[qos].increment(messages);
        bytesOut[qos].increment(payloadBytes);
    }
}
