package dev.tern.application.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: the strict UTF-8 string decoder, differentially against the JDK's reporting UTF-8
 * decoder plus the MQTT rule against U+0000. Input: byte 0 places the string inside a larger
 * buffer (offset, heap or direct, sliced or not), the rest is the string's bytes. One decoder
 * serves every input, as one serves every string of a connection, so reuse is fuzzed too.
 *
 * <p>Checks: same verdict and text as the reference; the buffer ends right after the string with
 * its limit untouched; an accepted string re-encodes to the very same bytes.
 */
class Utf8StringFuzzTest {

    private static final Utf8StringDecoder DECODER = new Utf8StringDecoder();

    @FuzzTest(maxDuration = "20s")
    void decodesExactlyTheWellFormedStrings(byte[] input) {
        if (input.length < 1 || input.length - 1 > 0xFFFF) {
            return;
        }
        int layout = input[0] & 0xFF;
        int before = layout & 0x07;
        int after = (layout >>> 3) & 0x07;
        int length = input.length - 1;
        ByteBuffer buffer = place(input, 1, length, before, after, (layout & 0x40) != 0, (layout & 0x80) != 0);
        int start = buffer.position();
        int limit = buffer.limit();

        String decoded = DECODER.decode(buffer, length);

        assertThat(decoded).isEqualTo(reference(input, 1, length));
        assertThat(buffer.limit()).as("limit").isEqualTo(limit);
        if (decoded != null) {
            assertThat(buffer.position()).as("position after the string").isEqualTo(start + length);
            ByteBuffer encoded = ByteBuffer.allocate(Utf8StringEncoder.encodedSize(decoded));
            Utf8StringEncoder.write(decoded, encoded);
            assertThat(encoded.flip().getShort() & 0xFFFF).isEqualTo(length);
            assertThat(encoded).isEqualTo(ByteBuffer.wrap(input, 1, length));
        }
    }

    /** The string's bytes between {@code before} and {@code after} filler bytes, positioned at its start. */
    private static ByteBuffer place(byte[] input, int offset, int length, int before, int after,
                                    boolean direct, boolean sliced) {
        int total = before + length + after;
        ByteBuffer backing = direct ? ByteBuffer.allocateDirect(total + 3) : ByteBuffer.allocate(total + 3);
        if (sliced) {
            backing.position(3);
            backing = backing.slice();
        }
        for (int i = 0; i < before; i++) {
            backing.put((byte) 0xC3);
        }
        backing.put(input, offset, length);
        for (int i = 0; i < after; i++) {
            backing.put((byte) 0xA9);
        }
        return backing.flip().position(before);
    }

    private static String reference(byte[] input, int offset, int length) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input, offset, length));
            String s = chars.toString();
            return s.indexOf('\u0000') >= 0 ? null : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
