package dev.tern.application.testing;

import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.protocol.codec.DecodeResult;
import dev.tern.application.protocol.codec.PacketReader;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ClientChannel} that records what the engine sends, decoded back into packets with
 * the broker's own decoder (used here as a client would use it).
 *
 * <p>Threading: single-threaded, driven by a {@link ManualExecutor}.
 */
public final class RecordingChannel implements ClientChannel {

    private final ManualExecutor executor;
    private final List<ByteBuffer> unflushed = new ArrayList<>();
    private final List<MqttPacket> sent = new ArrayList<>();
    private final PacketReader reader = new PacketReader(268_435_455);
    private boolean writable = true;
    private boolean closed;
    private boolean readingPaused;
    private int pauses;
    private int flushes;
    private Runnable closeListener = () -> { };
    private boolean discarding;
    private long discardedBytes;

    public RecordingChannel(ManualExecutor executor) {
        this.executor = executor;
    }

    /** Decodes server packets as this protocol version. */
    public RecordingChannel speaking(ProtocolVersion version) {
        reader.setVersion(version);
        return this;
    }

    @Override
    public void write(ByteBuffer bytes) {
        if (!closed) {
            unflushed.add(bytes);
        }
    }

    /**
     * While {@link #discarding()}, only counted (no position moves), so kept as given, like the TCP
     * transport that copies it at once; otherwise decoded later, so kept as a view of its own.
     */
    @Override
    public void writeShared(ByteBuffer bytes) {
        write(discarding ? bytes : bytes.duplicate());
    }

    /**
     * Flushes count the bytes and drop them instead of decoding them: for benchmarks, where the
     * client-side decode would outweigh the broker's work per delivery.
     */
    public RecordingChannel discarding() {
        discarding = true;
        return this;
    }

    /** Bytes written and not yet flushed. */
    public int unflushedBytes() {
        return unflushed.stream().mapToInt(ByteBuffer::remaining).sum();
    }

    /** Bytes flushed while {@link #discarding()}. */
    public long discardedBytes() {
        return discardedBytes;
    }

    @Override
    public void flush() {
        flushes++;
        if (discarding) {
            for (ByteBuffer buffer : unflushed) {
                discardedBytes += buffer.remaining();
            }
            unflushed.clear();
            return;
        }
        for (ByteBuffer buffer : unflushed) {
            reader.feed(buffer, result -> {
                if (result instanceof DecodeResult.Decoded decoded) {
                    sent.add(decoded.packet());
                } else {
                    throw new AssertionError("broker sent an undecodable packet: " + result);
                }
            });
        }
        unflushed.clear();
    }

    /** What the transport does after a close: tell the engine, later, on the channel's executor. */
    public void onClose(Runnable listener) {
        this.closeListener = listener;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        executor.execute(closeListener);
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public void pauseReading() {
        if (readingPaused) {
            throw new AssertionError("reading paused twice in a row");
        }
        readingPaused = true;
        pauses++;
    }

    @Override
    public void resumeReading() {
        if (!readingPaused) {
            throw new AssertionError("reading resumed while not paused");
        }
        readingPaused = false;
    }

    /** Whether the engine has paused reading from this channel. */
    public boolean readingPaused() {
        return readingPaused;
    }

    /** How often the engine paused reading from this channel. */
    public int pauses() {
        return pauses;
    }

    public void setWritable(boolean writable) {
        this.writable = writable;
    }

    @Override
    public String remoteAddress() {
        return "test:1";
    }

    @Override
    public ManualExecutor executor() {
        return executor;
    }

    public boolean isClosed() {
        return closed;
    }

    public int flushes() {
        return flushes;
    }

    /** Packets sent and flushed so far; clears the record. */
    public List<MqttPacket> takeSent() {
        List<MqttPacket> taken = new ArrayList<>(sent);
        sent.clear();
        return taken;
    }
}
