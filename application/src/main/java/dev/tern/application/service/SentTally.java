package dev.tern.application.service;

/**
 * Messages and payload bytes sent during one drain of a session's queue, by QoS, reported to
 * {@link TrafficMeters} once when the drain ends: a drain sends up to hundreds of messages, and
 * counting each one in the shared meters would cost two atomic adds per message.
 *
 * <p>Threading: confined to the drain that made it.
 */
final class SentTally {

    private final long[] messages = new long[3];
    private final long[] bytes = new long[3];

    void sent(int qos, int payloadBytes) {
        messages[qos]++;
        bytes[qos] += payloadBytes;
    }

    void reportTo(TrafficMeters traffic) {
        for (int qos = 0; qos < 3; qos++) {
            if (messages[qos] > 0) {
                traffic.sent(qos, messages[qos], bytes[qos]);
            }
        }
    }
}
