package dev.tern.e2e.raw;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds one MQTT control packet byte by byte: the body is collected first so that the fixed
 * header can carry its remaining length. Deliberately permissive: tests use it to build malformed
 * packets too.
 *
 * <p>Threading: not thread-safe; build a packet on one thread.
 */
public final class PacketWriter {

    private final int firstByte;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private PacketWriter(int firstByte) {
        this.firstByte = firstByte;
    }

    /** @param type the packet type (1 = CONNECT ... 14 = DISCONNECT); flags the low nibble */
    public static PacketWriter packet(int type, int flags) {
        return new PacketWriter((type << 4) | (flags & 0x0F));
    }

    public PacketWriter u8(int value) {
        body.write(value & 0xFF);
        return this;
    }

    public PacketWriter u16(int value) {
        body.write((value >> 8) & 0xFF);
        body.write(value & 0xFF);
        return this;
    }

    /** A UTF-8 string with its two-byte length prefix. */
    public PacketWriter utf8(String text) {
        return lengthPrefixed(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes with a two-byte length prefix, for binary fields and for deliberately invalid UTF-8. */
    public PacketWriter lengthPrefixed(byte[] bytes) {
        u16(bytes.length);
        return bytes(bytes);
    }

    public PacketWriter bytes(byte[] bytes) {
        body.writeBytes(bytes);
        return this;
    }

    public byte[] toBytes() {
        byte[] payload = body.toByteArray();
        byte[] length = RemainingLength.encode(payload.length);
        byte[] packet = new byte[1 + length.length + payload.length];
        packet[0] = (byte) firstByte;
        System.arraycopy(length, 0, packet, 1, length.length);
        System.arraycopy(payload, 0, packet, 1 + length.length, payload.length);
        return packet;
    }
}
