package dev.tern.application.protocol.codec;

import java.nio.ByteBuffer;

/**
 * Writes MQTT UTF-8 Encoded Strings (two-byte length, then UTF-8) without an intermediate byte
 * array. A lone surrogate, which only a bug could put in a packet, is written as '?' the way
 * {@link String#getBytes} does, so that the output is always well-formed [MQTT-1.5.4-1].
 */
final class Utf8StringEncoder {

    private static final int MAX_BYTES = 0xFFFF;

    private Utf8StringEncoder() {
    }

    /** Length prefix included. */
    static int encodedSize(String s) {
        return 2 + utf8Length(s);
    }

    static void write(String s, ByteBuffer out) {
        out.putShort((short) utf8Length(s));
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.put((byte) c);
            } else if (c < 0x800) {
                out.put((byte) (0xC0 | c >> 6)).put((byte) (0x80 | c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.put((byte) (0xF0 | cp >> 18)).put((byte) (0x80 | cp >> 12 & 0x3F))
                        .put((byte) (0x80 | cp >> 6 & 0x3F)).put((byte) (0x80 | cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out.put((byte) '?');
            } else {
                out.put((byte) (0xE0 | c >> 12)).put((byte) (0x80 | c >> 6 & 0x3F)).put((byte) (0x80 | c & 0x3F));
            }
        }
    }

    private static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2;
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    bytes += 2;
                }
            }
        }
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("string longer than 65535 bytes in UTF-8");
        }
        return bytes;
    }
}
