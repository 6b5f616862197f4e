package dev.tern.benchmarks.load;

import io.netty.buffer.ByteBuf;
import java.util.BitSet;

/**
 * A subscribing connection's ledger: which (publisher, sequence) pairs arrived, how many twice,
 * and, for sequences at or above {@code latencyFrom}, the latency from the timestamp in the
 * payload to arrival and, when the payload says when it was written, the time in transit from that
 * write to arrival (the latency less the load generator's lateness). Route probes
 * ({@link RouteProbe}) are set apart: they only mark the receiver as reached.
 *
 * <p>Threading: written on the connection's event loop only; read by the run only after a task on
 * that event loop (see {@link Connector#onLoop}), which orders the reads after the writes;
 * {@link #probed()} may be read from any thread.
 */
final class Receiver implements Traffic {

    private final Progress progress;
    private final int latencyFrom;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LatencyHistogram transit = new LatencyHistogram();
    private BitSet[] seen = new BitSet[1];
    private long unique;
    private long duplicates;
    private long lastArrivalNanos;
    private volatile boolean probed;

    /** @param latencyFrom the first sequence number whose latency is recorded (warm-up excluded) */
    Receiver(Progress progress, int latencyFrom) {
        this.progress = progress;
        this.latencyFrom = latencyFrom;
    }

    @Override
    public void onMessage(ByteBuf payload, boolean dup) {
        long now = System.nanoTime();
        int index = payload.readerIndex();
        int publisher = payload.getInt(index);
        if (publisher == RouteProbe.PUBLISHER) {
            probed = true;
            return;
        }
        int sequence = payload.getInt(index + 4);
        long sentAt = payload.getLong(index + 8);
        if (publisher >= seen.length) {
            seen = java.util.Arrays.copyOf(seen, Math.max(publisher + 1, seen.length * 2));
        }
        BitSet ledger = seen[publisher];
        if (ledger == null) {
            ledger = seen[publisher] = new BitSet();
        }
        if (ledger.get(sequence)) {
            duplicates++;
            progress.duplicates.increment();
            return;
        }
        ledger.set(sequence);
        unique++;
        lastArrivalNanos = now;
        if (sequence >= latencyFrom) {
            latency.record((now - sentAt) / 1_000);
            if (payload.readableBytes() >= PublishTemplate.TIMED_PAYLOAD) {
                transit.record((now - payload.getLong(index + PublishTemplate.MIN_PAYLOAD)) / 1_000);
            }
        }
        progress.received.increment();
    }

    /**
     * How many distinct messages of {@code publisher} arrived whose sequence number satisfies
     * {@code which}: scenarios that know which sequences a receiver should never get count them.
     */
    long countSeen(int publisher, java.util.function.IntPredicate which) {
        if (publisher >= seen.length || seen[publisher] == null) {
            return 0;
        }
        return seen[publisher].stream().filter(which).count();
    }

    /** Whether a route probe reached this receiver. */
    boolean probed() {
        return probed;
    }

    long unique() {
        return unique;
    }

    long duplicates() {
        return duplicates;
    }

    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    LatencyHistogram latency() {
        return latency;
    }

    /** Empty when the payloads are too small to say when they were written. */
    LatencyHistogram transit() {
        return transit;
    }
}
