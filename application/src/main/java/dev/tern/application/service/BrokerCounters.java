package dev.tern.application.service;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Broker-wide traffic and connection counts, for the {@code $SYS} topics: packets and bytes in
 * both directions, connected clients now and at most. Each count is one {@link LongAdder} add
 * where packets are decoded or encoded, with no allocation; reading sums them.
 *
 * <p>Threading: thread-safe; increments are contention-free.
 */
public final class BrokerCounters {

    private final LongAdder packetsReceived = new LongAdder();
    private final LongAdder packetsSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder publishesReceived = new LongAdder();
    private final LongAdder publishesSent = new LongAdder();
    private final LongAdder connected = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final LongAccumulator maximumConnected = new LongAccumulator(Math::max, 0);

    public void received(int bytes) {
        bytesReceived.add(bytes);
    }

    public void packetReceived(boolean publish) {
        packetsReceived.increment();
        if (publish) {
            publishesReceived.increment();
        }
    }

    /**
     * Packets written to one client since its last report: {@code bytes} in all, {@code publishes}
     * of them PUBLISH. A connection reports once per flush rather than once per packet, so a fan-out
     * costs these adders one add per subscriber and turn instead of three per delivery.
     */
    public void packetsSent(long packets, long bytes, long publishes) {
        packetsSent.add(packets);
        bytesSent.add(bytes);
        publishesSent.add(publishes);
    }

    /** A client's CONNECT was accepted and its session attached. */
    public void clientConnected() {
        connected.increment();
        connections.increment();
        maximumConnected.accumulate(connected.sum());
    }

    /** A client counted by {@link #clientConnected} is gone. */
    public void clientDisconnected() {
        connected.decrement();
    }

    /** Packets of any type received (Mosquitto's {@code messages/received}). */
    public long packetsReceived() {
        return packetsReceived.sum();
    }

    /** Packets of any type sent (Mosquitto's {@code messages/sent}). */
    public long packetsSent() {
        return packetsSent.sum();
    }

    public long bytesReceived() {
        return bytesReceived.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }

    public long publishesReceived() {
        return publishesReceived.sum();
    }

    public long publishesSent() {
        return publishesSent.sum();
    }

    /** Clients connected now. */
    public long connected() {
        return Math.max(0, connected.sum());
    }

    /** CONNECTs accepted since start. */
    public long connections() {
        return connections.sum();
    }

    /** The most clients connected at once since start. */
    public long maximumConnected() {
        return maximumConnected.get();
    }
}
