package dev.tern.application.protocol;

import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.service.BrokerCounters;
import java.nio.ByteBuffer;

/**
 * Encodes packets onto a channel and flushes once per batch of work. What the connection writes
 * while its own input is handled (between {@link #readStarted} and {@link #readEnded}: a SUBACK, an
 * UNSUBACK, a PUBACK, a PINGRESP) answers that input and is flushed when the input is handled. Anything
 * else (deliveries from other connections' input, timers) is flushed by a task on the channel's
 * executor, after everything that turn of the event loop wrote. Without the first rule an answer
 * waited behind every task queued before it: under traffic on one event loop, a flush task for each
 * subscriber that got a message, tens of milliseconds for a SUBACK (docs/benchmarks-investigations.md,
 * "Large subscription tables"). A PUBLISH goes out as its header plus the shared payload ({@code
 * ClientChannel.writePayload}): the engine never copies a payload again after it was decoded. A
 * small QoS 0 PUBLISH without properties goes out as bytes encoded once and shared with the other
 * subscribers of the message ({@link SharedPublishBytes}).
 *
 * <p>What it writes is counted in {@link BrokerCounters} when it flushes (or stops), not per packet:
 * the {@code $SYS} figures lag by at most one turn of the event loop.
 *
 * <p>Threading: confined to {@code channel.executor()}.
 */
final class OutboundWriter {

    private final ClientChannel channel;
    private final BrokerCounters counters;
    private final Runnable flushTask = this::flushNow;
    private boolean flushPending;
    private boolean stopped;
    private boolean reading;
    /** Written since the last report to {@link #counters}. */
    private long packets;
    private long bytes;
    private long publishes;

    OutboundWriter(ClientChannel channel, BrokerCounters counters) {
        this.channel = channel;
        this.counters = counters;
    }

    void write(MqttPacket packet, ProtocolVersion version) {
        if (stopped) {
            return;
        }
        ByteBuffer whole = packet instanceof Publish publish ? SharedPublishBytes.wholeOrNull(publish, version) : null;
        if (whole != null) {
            count(whole.remaining(), true);
            channel.writeShared(whole);
        } else if (packet instanceof Publish publish) {
            ByteBuffer header = PacketEncoder.encodePublishHeader(publish, version);
            count(header.remaining() + (long) publish.payload().size(), true);
            channel.write(header);
            if (!publish.payload().isEmpty()) {
                channel.writePayload(publish.payload());
            }
        } else {
            ByteBuffer encoded = PacketEncoder.encode(packet, version);
            count(encoded.remaining(), false);
            channel.write(encoded);
        }
        if (!flushPending) {
            flushPending = true;
            if (!reading) {
                channel.executor().execute(flushTask);
            }
        }
    }

    /** The connection's input is being handled: what is written now waits for {@link #readEnded}. */
    void readStarted() {
        reading = true;
    }

    /**
     * The input is handled: flushes what answers it. A transport that reads several buffers in one
     * go may hold this flush until the last (the TCP adapter does), so a burst still leaves in one write.
     */
    void readEnded() {
        reading = false;
        flushNow();
    }

    /** No more writes: the channel is closing, and its close flushes what was written. */
    void stop() {
        stopped = true;
        flushPending = false;
        report();
    }

    private void count(long packetBytes, boolean publish) {
        packets++;
        bytes += packetBytes;
        if (publish) {
            publishes++;
        }
    }

    private void flushNow() {
        if (flushPending) {
            flushPending = false;
            report();
            channel.flush();
        }
    }

    private void report() {
        if (packets > 0) {
            counters.packetsSent(packets, bytes, publishes);
            packets = 0;
            bytes = 0;
            publishes = 0;
        }
    }
}
