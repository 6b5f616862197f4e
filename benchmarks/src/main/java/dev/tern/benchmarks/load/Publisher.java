package dev.tern.benchmarks.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Publishes {@code count} messages from pre-encoded templates, as fast as the pacing allows:
 * at QoS 1 and 2 at most {@code window} flows unfinished (QoS 1 until its PUBACK, QoS 2 until its
 * PUBCOMP, after the PUBREL this publisher sends on PUBREC), or the broker's MQTT 5 Receive Maximum
 * if that is lower; a message the broker refuses (an MQTT 5 reason code of 0x80 or more in PUBACK
 * or PUBREC) finishes its flow and is counted in {@link Progress#refused}; at QoS 0 while {@code credit} says the receivers keep up (so that the broker is
 * measured at the rate it delivers, not at the rate it can drop); and, with a positive
 * {@code ratePerSecond}, at that fixed offered rate. With a fixed rate each message carries the
 * time it was due, not the time it went out, so that a stalled broker shows as latency instead of
 * slowing the offered load (no coordinated omission); how late each went out against that time
 * is kept too ({@link #sendLateness}), the load generator's own share of the latency. By default a
 * burst of PUBLISHes goes out in one write; {@link #flushEvery} bounds how many share a write.
 *
 * <p>Threading: all methods run on the connection's event loop, after {@link #start}.
 */
final class Publisher implements Traffic {

    private static final int BURST = 512;
    private static final int PACKET_IDS = 65_535;
    /** QoS 0 credit is asked every 64 small messages, but before every large one. */
    private static final int CREDIT_CHECK_EVERY = 64;
    private static final int LARGE_PACKET = 4_096;

    private final int id;
    private final PublishTemplate[] templates;
    private final int qos;
    private final int count;
    private final BooleanSupplier credit;
    private final long ratePerSecond;
    private final Progress progress;
    /**
     * Messages between two asks for QoS 0 credit: a burst of 64 messages of 1 MiB would run 64 MiB
     * past the bound (a broker that bounds a session's queue in bytes then drops, rightly).
     */
    private final int creditCheckEvery;
    private Channel channel;
    /** Lowered at start to the broker's Receive Maximum, which is known only after CONNACK. */
    private int window;
    private long startNanos;
    private int sent;
    private int inflight;
    private int acked;
    private boolean retryScheduled;
    /** PUBLISHes per flush (one TCP write each); 0: one flush per burst, as many as pacing allows. */
    private int perWrite;
    private volatile long finishedNanos;
    /** Sequence numbers of the refused messages; allocated at the first refusal. */
    private BitSet refusedSequences;
    /** At a fixed rate, µs from a message's due time to its write, from {@link #latencyFrom} on. */
    private final LatencyHistogram sendLateness = new LatencyHistogram();
    private int latencyFrom;

    /** @param qos of every template: 0, 1 or 2 */
    Publisher(int id, PublishTemplate[] templates, int qos, int count, int window,
              BooleanSupplier credit, long ratePerSecond, Progress progress) {
        this.id = id;
        this.templates = templates;
        this.qos = qos;
        this.count = count;
        if (window < 1 || window >= PACKET_IDS) {
            throw new IllegalArgumentException("window must be 1 to " + (PACKET_IDS - 1) + ": " + window);
        }
        this.window = window;
        this.credit = credit;
        this.ratePerSecond = ratePerSecond;
        this.progress = progress;
        this.creditCheckEvery = templates[0].bytes().length > LARGE_PACKET ? 1 : CREDIT_CHECK_EVERY;
    }

    /**
     * Flushes after every {@code publishes} PUBLISHes, so that each write carries at most that
     * many ({@code --batch 1}: one PUBLISH per TCP write, as most devices send); 0 keeps one flush
     * per burst. Call before {@link #start}.
     */
    Publisher flushEvery(int publishes) {
        if (publishes < 0) {
            throw new IllegalArgumentException("--batch must be 0 (no limit) or positive: " + publishes);
        }
        this.perWrite = publishes;
        return this;
    }

    /**
     * Records send lateness only from this sequence number on, as the receivers record latency
     * (the warm-up excluded). Call before {@link #start}.
     */
    Publisher lateFrom(int sequence) {
        this.latencyFrom = sequence;
        return this;
    }

    /** Starts publishing on the client's event loop. */
    void start(LoadClient client, long startNanos) {
        this.channel = client.channel();
        channel.eventLoop().execute(() -> {
            this.startNanos = startNanos;
            window = Math.min(window, client.receiveMaximum());
            pump();
        });
    }

    /** When the last message was sent (QoS 0) or its flow finished (QoS 1, 2); 0 while running. */
    long finishedNanos() {
        return finishedNanos;
    }

    @Override
    public void onReceived(int packetId) {
        // Flushed once per read burst by the decoder.
        channel.write(Unpooled.wrappedBuffer(MqttFrames.pubrel(packetId)), channel.voidPromise());
    }

    @Override
    public void onAcknowledged(int packetId, int reasonCode) {
        inflight--;
        acked++;
        progress.acked.increment();
        if (PacketListener.refuses(reasonCode)) {
            progress.refused.increment();
            if (refusedSequences == null) {
                refusedSequences = new BitSet();
            }
            refusedSequences.set(sequenceOf(packetId));
        }
        if (acked == count) {
            finishedNanos = System.nanoTime();
        }
        pump();
    }

    @Override
    public void onWritable() {
        pump();
    }

    /** A copy of the send lateness so far; read on the event loop. */
    LatencyHistogram sendLateness() {
        LatencyHistogram copy = new LatencyHistogram();
        copy.add(sendLateness);
        return copy;
    }

    /** Which messages the broker refused; read on the event loop once the run is over. */
    BitSet refusedSequences() {
        return refusedSequences == null ? new BitSet() : (BitSet) refusedSequences.clone();
    }

    /**
     * The sequence number of the unfinished message with this packet id: ids are given out as
     * {@code sequence % 65,535 + 1} and fewer than 65,535 flows are ever unfinished, so the latest
     * sequence sent with the id is the one.
     */
    private int sequenceOf(int packetId) {
        int last = sent - 1;
        return last - Math.floorMod(last - (packetId - 1), PACKET_IDS);
    }

    private void pump() {
        int burst = 0;
        while (sent < count && channel.isWritable()) {
            if (qos > 0 && inflight >= window) {
                break;
            }
            if (qos == 0 && sent % creditCheckEvery == 0 && !credit.getAsBoolean()) {
                retryIn(1_000_000);
                break;
            }
            long now = System.nanoTime();
            long stamp = now;
            if (ratePerSecond > 0) {
                long due = startNanos + sent * 1_000_000_000L / ratePerSecond;
                if (due > now) {
                    retryIn(due - now);
                    break;
                }
                stamp = due;
            }
            if (++burst > BURST) {
                channel.eventLoop().execute(this::pump);
                break;
            }
            if (ratePerSecond > 0 && sent >= latencyFrom) {
                sendLateness.record((now - stamp) / 1_000);
            }
            send(stamp, now);
            if (perWrite > 0 && sent % perWrite == 0) {
                channel.flush();
            }
        }
        channel.flush();
    }

    private void send(long stamp, long now) {
        PublishTemplate template = templates[sent % templates.length];
        ByteBuf buffer = channel.alloc().directBuffer(template.bytes().length);
        template.writeTo(buffer, sent % PACKET_IDS + 1, id, sent, stamp, now);
        channel.write(buffer, channel.voidPromise());
        sent++;
        progress.sent.increment();
        if (qos > 0) {
            inflight++;
        } else if (sent == count) {
            finishedNanos = System.nanoTime();
        }
    }

    private void retryIn(long nanos) {
        if (retryScheduled) {
            return;
        }
        retryScheduled = true;
        channel.eventLoop().schedule(() -> {
            retryScheduled = false;
            pump();
        }, nanos, TimeUnit.NANOSECONDS);
    }
}
