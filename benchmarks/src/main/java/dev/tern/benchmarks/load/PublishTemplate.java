package dev.tern.benchmarks.load;

import io.netty.buffer.ByteBuf;

/**
 * A pre-encoded PUBLISH. Each message copies the bytes and patches the packet id and the payload
 * header: publisher index, sequence number and a {@link System#nanoTime} timestamp (when the
 * message was due), which the receiving side reads back for loss, duplicate and latency
 * accounting; a payload of {@link #TIMED_PAYLOAD} bytes or more also carries when it was written,
 * so that the receiver can tell the time in transit from the time the load generator was late.
 *
 * <p>Threading: immutable.
 *
 * @param bytes          the whole packet as sent
 * @param packetIdOffset where the packet id sits, or -1 at QoS 0
 * @param payloadOffset  where the payload starts
 */
record PublishTemplate(byte[] bytes, int packetIdOffset, int payloadOffset) {

    /** publisher (int), sequence (int), timestamp (long). */
    static final int MIN_PAYLOAD = 16;
    /** The header and when the message was written (long). */
    static final int TIMED_PAYLOAD = MIN_PAYLOAD + 8;

    void writeTo(ByteBuf out, int packetId, int publisher, int sequence, long nanoTime) {
        writeTo(out, packetId, publisher, sequence, nanoTime, nanoTime);
    }

    /** @param writtenNanos when the message is written; kept only in a payload of {@link #TIMED_PAYLOAD} bytes or more */
    void writeTo(ByteBuf out, int packetId, int publisher, int sequence, long nanoTime, long writtenNanos) {
        int start = out.writerIndex();
        out.writeBytes(bytes);
        if (packetIdOffset >= 0) {
            out.setShort(start + packetIdOffset, packetId);
        }
        out.setInt(start + payloadOffset, publisher);
        out.setInt(start + payloadOffset + 4, sequence);
        out.setLong(start + payloadOffset + 8, nanoTime);
        if (bytes.length - payloadOffset >= TIMED_PAYLOAD) {
            out.setLong(start + payloadOffset + MIN_PAYLOAD, writtenNanos);
        }
    }
}
