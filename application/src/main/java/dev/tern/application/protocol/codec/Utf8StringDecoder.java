package dev.tern.application.protocol.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict decoding of the character data of an MQTT UTF-8 Encoded String (1.5.3 in 3.1.1, 1.5.4
 * in 5.0). Rejects ill-formed UTF-8, overlong forms and encoded surrogates U+D800..U+DFFF
 * [MQTT-1.5.3-1] [MQTT-1.5.4-1] and U+0000 [MQTT-1.5.3-2] [MQTT-1.5.4-2].
 *
 * <p>Reuses its charset decoder and char buffer, so it belongs to one reader: not thread-safe.
 * Both are made on the first non-ASCII string only, and a reader makes the decoder itself only
 * then ({@link #decodeAscii} needs none): most connections never need them, and an idle
 * connection should cost as little memory as it can.
 */
final class Utf8StringDecoder {

    private static final int MAX_STRING_BYTES = 0xFFFF;

    /**
     * What {@link #decodeAscii} answers for bytes with a non-ASCII character: a string instance of
     * its own, told apart by identity, which no decoding ever returns.
     */
    static final String NOT_ASCII = new String("<not ASCII>");

    private CharsetDecoder decoder;
    private CharBuffer chars;

    /**
     * Decodes the {@code length} bytes at the position of {@code in} and advances past them.
     * Returns null when they are not a valid MQTT string; the caller reports the malformed packet.
     */
    String decode(ByteBuffer in, int length) {
        String s = decodeAscii(in, length);
        return s == NOT_ASCII ? decodeNonAscii(in, length) : s;
    }

    /**
     * The string of the {@code length} bytes at the position of {@code in} when they are all ASCII
     * (then advanced past them); null when one is zero, which is only ever U+0000 in well-formed
     * UTF-8; {@link #NOT_ASCII}, position unchanged, when only {@link #decodeNonAscii} can tell.
     */
    static String decodeAscii(ByteBuffer in, int length) {
        int start = in.position();
        int end = start + length;
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            byte b = in.get(i);
            if (b == 0) {
                return null;
            }
            ascii &= b > 0;
        }
        if (!ascii) {
            return NOT_ASCII;
        }
        String s = latin1(in, start, length);
        in.position(end);
        return s;
    }

    /** As {@link #decode}, for bytes {@link #decodeAscii} found a non-ASCII character in. */
    String decodeNonAscii(ByteBuffer in, int length) {
        int end = in.position() + length;
        String s = strict(in, end, length);
        in.position(end);
        return s;
    }

    private static String latin1(ByteBuffer in, int start, int length) {
        if (in.hasArray()) {
            return new String(in.array(), in.arrayOffset() + start, length, StandardCharsets.ISO_8859_1);
        }
        byte[] copy = new byte[length];
        in.get(start, copy);
        return new String(copy, StandardCharsets.ISO_8859_1);
    }

    private String strict(ByteBuffer in, int end, int length) {
        if (decoder == null) {
            decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            chars = CharBuffer.allocate(Math.max(64, length));
        }
        if (chars.capacity() < length) {
            // UTF-8 never needs more UTF-16 units than bytes.
            chars = CharBuffer.allocate(Math.min(Math.max(length, chars.capacity() * 2), MAX_STRING_BYTES));
        }
        int limit = in.limit();
        in.limit(end);
        try {
            decoder.reset();
            chars.clear();
            CoderResult result = decoder.decode(in, chars, true);
            if (result.isError() || decoder.flush(chars).isError() || in.hasRemaining()) {
                return null;
            }
            chars.flip();
            return chars.toString();
        } finally {
            in.limit(limit);
        }
    }
}
