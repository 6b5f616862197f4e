package dev.tern.application.protocol.codec;

import java.nio.ByteBuffer;

/** Writes MQTT Binary Data (1.5.6 / 1.5.7): a two-byte length, then the bytes. */
final class BinaryDataEncoder {

    private static final int MAX_BYTES = 0xFFFF;

    private BinaryDataEncoder() {
    }

    /** Length prefix included. */
    static int encodedSize(byte[] value) {
        if (value.length > MAX_BYTES) {
            throw new IllegalArgumentException("binary data longer than 65535 bytes");
        }
        return 2 + value.length;
    }

    static void write(byte[] value, ByteBuffer out) {
        out.putShort((short) value.length).put(value);
    }
}
