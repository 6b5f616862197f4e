package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.codec.DecodeResult.DecodeError;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.domain.message.Payload;
import java.nio.ByteBuffer;

/**
 * A cursor over the body of one packet that records the first decoding error instead of
 * throwing. After a failure every read returns 0 or null; decoders check {@link #failed()} before
 * they interpret what they read, so errors stay values without an exception on the way.
 *
 * <p>Reused for every packet of one reader: not thread-safe.
 */
final class PacketInput {

    /** Made for the first string with a non-ASCII character, if one ever comes. */
    private Utf8StringDecoder utf8;
    private ByteBuffer body;
    private boolean bodyMayBeKept;
    private boolean bodyKept;
    private DecodeError error;

    /**
     * @param packetBody    the next packet's body, or null
     * @param mayBeKept     whether the decoded packet may keep the body's array instead of copying
     *                      from it (the frame reader gives that array up, see {@link #bodyKept})
     */
    void reset(ByteBuffer packetBody, boolean mayBeKept) {
        body = packetBody;
        bodyMayBeKept = mayBeKept;
        bodyKept = false;
        error = null;
    }

    /** Whether the packet decoded last kept the body's array (its payload is a range of it). */
    boolean bodyKept() {
        return bodyKept;
    }

    boolean failed() {
        return error != null;
    }

    DecodeError error() {
        return error;
    }

    /** Records the first failure; returns null so that decoders can {@code return in.fail(...)}. */
    <T> T fail(int reasonCode, String reason) {
        if (error == null) {
            error = new DecodeError(reasonCode, reason);
        }
        return null;
    }

    <T> T malformed(String reason) {
        return fail(ReasonCode.MALFORMED_PACKET, reason);
    }

    <T> T protocolError(String reason) {
        return fail(ReasonCode.PROTOCOL_ERROR, reason);
    }

    int remaining() {
        return failed() ? 0 : body.remaining();
    }

    /** Bytes read so far from the body; for sections with their own length (properties). */
    int position() {
        return body.position();
    }

    boolean hasRemaining() {
        return remaining() > 0;
    }

    /** Fails unless the body was read to its end: trailing bytes make a packet malformed. */
    void expectEnd(String packetName) {
        if (hasRemaining()) {
            malformed(packetName + " has unexpected trailing bytes");
        }
    }

    int readByte() {
        if (!need(1)) {
            return 0;
        }
        return body.get() & 0xFF;
    }

    int readTwoByteInteger() {
        if (!need(2)) {
            return 0;
        }
        return body.getShort() & 0xFFFF;
    }

    long readFourByteInteger() {
        if (!need(4)) {
            return 0;
        }
        return body.getInt() & 0xFFFF_FFFFL;
    }

    int readVariableByteInteger() {
        if (failed()) {
            return 0;
        }
        int value = VariableByteInteger.read(body);
        if (value == VariableByteInteger.INCOMPLETE) {
            return malformedInt("variable byte integer runs past the packet");
        }
        if (value == VariableByteInteger.TOO_LONG) {
            return malformedInt("variable byte integer longer than 4 bytes [MQTT-1.5.5-1]");
        }
        return value;
    }

    /** An MQTT UTF-8 Encoded String, or null after recording why it is malformed. */
    String readUtf8String() {
        int length = readTwoByteInteger();
        if (!need(length)) {
            return null;
        }
        String s = Utf8StringDecoder.decodeAscii(body, length);
        if (s == Utf8StringDecoder.NOT_ASCII) {
            if (utf8 == null) {
                utf8 = new Utf8StringDecoder();
            }
            s = utf8.decodeNonAscii(body, length);
        }
        if (s == null) {
            return malformed("string is not well-formed UTF-8 or contains U+0000 [MQTT-1.5.3-1] [MQTT-1.5.3-2]");
        }
        return s;
    }

    /** MQTT Binary Data: a two-byte length, then that many bytes, copied into a fresh array. */
    byte[] readBinary() {
        int length = readTwoByteInteger();
        return readBytes(length);
    }

    /**
     * Everything left in the body as the PUBLISH payload: copied once into a fresh array, or, when
     * the body may be kept, a range of the body's own array with no copy at all.
     */
    Payload readPayload() {
        int length = remaining();
        if (bodyMayBeKept && length > 0 && body.hasArray()) {
            Payload kept = Payload.wrap(body.array(), body.arrayOffset() + body.position(), length);
            body.position(body.limit());
            bodyKept = true;
            return kept;
        }
        byte[] bytes = readBytes(length);
        return bytes == null ? null : Payload.wrap(bytes);
    }

    private byte[] readBytes(int length) {
        if (!need(length)) {
            return null;
        }
        byte[] bytes = new byte[length];
        body.get(bytes);
        return bytes;
    }

    private boolean need(int bytes) {
        if (failed()) {
            return false;
        }
        if (body.remaining() < bytes) {
            malformed("field runs past the end of the packet");
            return false;
        }
        return true;
    }

    private int malformedInt(String reason) {
        malformed(reason);
        return 0;
    }
}
