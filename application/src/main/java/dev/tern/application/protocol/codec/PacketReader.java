package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.codec.DecodeResult.DecodeError;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Incremental framing and decoding for one connection: bytes in, packets or one error out. Bytes
 * may arrive split anywhere, since WebSocket frames need not align with packets [MQTT-6.0.0-2].
 *
 * <p>Threading: confined to the thread that owns the connection; no synchronization.
 */
public final class PacketReader {

    private final FrameReader frames = new FrameReader();
    private final PacketInput input = new PacketInput();
    private final CodecContexts contexts;
    private CodecContext context;
    private boolean failed;
    /** Whether the packet decoded last keeps its body's buffer (see {@link FrameReader#bodyMayBeKept}). */
    private boolean bodyKept;

    /** A reader with contexts of its own: for a reader that is one of few (in-process clients, tools). */
    public PacketReader(int maxPacketSize) {
        this(new CodecContexts(maxPacketSize));
    }

    /** @param contexts the broker's, shared by every connection's reader */
    public PacketReader(CodecContexts contexts) {
        this.contexts = contexts;
        this.context = contexts.beforeConnect();
    }

    /**
     * Sets the version the CONNECT named. The reader also adopts the version of the first CONNECT
     * it decodes, so packets pipelined behind the CONNECT in the same input decode correctly.
     */
    public void setVersion(ProtocolVersion version) {
        context = contexts.of(version);
    }

    /**
     * The bytes still missing from the packet whose fixed header has arrived, 0 between packets or
     * after an error.
     */
    public int bytesAwaited() {
        return failed ? 0 : frames.bytesAwaited();
    }

    public CodecContext context() {
        return context;
    }

    /**
     * Consumes all of {@code bytes}, buffering an incomplete packet and passing each complete one to
     * {@code sink}. After the first {@link DecodeError} it ignores all further input.
     */
    public void feed(ByteBuffer bytes, Consumer<DecodeResult> sink) {
        if (failed) {
            bytes.position(bytes.limit());
            return;
        }
        DecodeError error = readFrames(bytes, sink);
        if (error != null) {
            failed = true;
            bytes.position(bytes.limit());
            sink.accept(error);
        }
    }

    private DecodeError readFrames(ByteBuffer bytes, Consumer<DecodeResult> sink) {
        while (bytes.hasRemaining()) {
            FrameReader.Status status = frames.readHeader(bytes);
            if (status == FrameReader.Status.NEED_MORE) {
                return null;
            }
            if (status == FrameReader.Status.LENGTH_TOO_LONG) {
                return new DecodeError(ReasonCode.MALFORMED_PACKET, "remaining length longer than 4 bytes [MQTT-1.5.5-1]");
            }
            DecodeError headerError = FixedHeaderRules.check(frames.firstByte(), context);
            if (headerError != null) {
                return headerError;
            }
            if (frames.packetSize() > context.maxPacketSize()) {
                // Checked from the fixed header alone, before any of the body is buffered.
                return new DecodeError(ReasonCode.PACKET_TOO_LARGE,
                        "packet of " + frames.packetSize() + " bytes exceeds maximum " + context.maxPacketSize());
            }
            ByteBuffer body = frames.readBody(bytes);
            if (body == null) {
                return null;
            }
            bodyKept = false;
            MqttPacket packet = decodeBody(body);
            frames.finish(bytes, bodyKept);
            if (packet == null) {
                DecodeError error = input.error();
                return error != null ? error
                        : new DecodeError(ReasonCode.MALFORMED_PACKET, "undecodable packet");
            }
            if (packet instanceof Connect connect && context.version() == null) {
                context = contexts.of(connect.version());
            }
            sink.accept(new DecodeResult.Decoded(packet));
        }
        return null;
    }

    private MqttPacket decodeBody(ByteBuffer body) {
        int firstByte = frames.firstByte();
        input.reset(body, frames.bodyMayBeKept());
        MqttPacket packet;
        try {
            packet = PacketDecoders.forType(firstByte >>> 4).decode(firstByte & 0x0F, input, context);
        } catch (RuntimeException e) {
            // Last resort: a decoder bug must not escape into the transport's I/O thread. Only
            // decoding is guarded, so that exceptions thrown by the sink still reach their caller.
            return input.malformed("undecodable packet (" + e.getClass().getSimpleName() + ")");
        }
        if (input.failed()) {
            // Keep the error for the caller; the body reference goes with the next packet.
            return null;
        }
        boolean kept = input.bodyKept();
        input.reset(null, false);
        bodyKept = kept;
        return packet;
    }
}
