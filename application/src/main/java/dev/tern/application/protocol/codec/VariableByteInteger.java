package dev.tern.application.protocol.codec;

import java.nio.ByteBuffer;

/** The MQTT Variable Byte Integer (1.5.5 / 2.2.3): 7 bits per byte, at most four bytes. */
final class VariableByteInteger {

    static final int MAX_VALUE = 268_435_455;
    static final int MAX_BYTES = 4;
    /** Returned by {@link #read} when the buffer ends before the last byte. */
    static final int INCOMPLETE = -1;
    /** Returned by {@link #read} when a fifth byte would be needed [MQTT-1.5.5-1]. */
    static final int TOO_LONG = -2;

    private VariableByteInteger() {
    }

    static int size(int value) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("variable byte integer out of range: " + value);
        }
        return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x20_0000 ? 3 : 4;
    }

    static void write(int value, ByteBuffer out) {
        int rest = value;
        do {
            int digit = rest & 0x7F;
            rest >>>= 7;
            out.put((byte) (rest > 0 ? digit | 0x80 : digit));
        } while (rest > 0);
    }

    /**
     * Reads one value from {@code in}, advancing past it on success. Non-minimal encodings are
     * accepted: the spec asks for minimal encoding from senders but names no receiver check.
     */
    static int read(ByteBuffer in) {
        int start = in.position();
        int value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (!in.hasRemaining()) {
                in.position(start);
                return INCOMPLETE;
            }
            int b = in.get() & 0xFF;
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return TOO_LONG;
    }
}
