package dev.tern.application.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.application.protocol.packet.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fuzz target: the frame reader fed a byte stream in random splits, as TCP segments and WebSocket
 * frames cut it. Input: byte 0 picks the version the connection has (none yet, 3.1, 3.1.1, 5),
 * byte 1 the maximum packet size, bytes 2..5 seed the split points; the rest is the stream.
 *
 * <p>Checks: the results do not depend on where the stream was split; each feed consumes all it
 * was given; errors are the codec's own, last, and the reader refuses input after one; decoding
 * allocates no more than the maximum packet size plus a bounded cost per byte received.
 */
class PacketStreamFuzzTest {

    private static final int HEADER = 6;
    /** Generous: small objects per received byte (a property, a boxed reason code, a list slot). */
    private static final int BYTES_ALLOCATED_PER_INPUT_BYTE = 256;
    /** Lazily made per-reader state (the UTF-8 decoder's char buffer) and list growth. */
    private static final int FIXED_ALLOCATION_ALLOWANCE = 256 * 1024;

    @FuzzTest(maxDuration = "20s")
    void decodesTheSameHoweverTheStreamIsSplit(byte[] input) {
        if (input.length < HEADER) {
            return;
        }
        ProtocolVersion version = version(input[0]);
        int maxPacketSize = 2 + (input[1] & 0xFF) * 32;
        long splitSeed = ByteBuffer.wrap(input, 2, 4).getInt();
        byte[] stream = Arrays.copyOfRange(input, HEADER, input.length);

        List<DecodeResult> whole = new ArrayList<>();
        PacketReader wholeReader = reader(version, maxPacketSize);
        feed(wholeReader, stream, whole);

        List<DecodeResult> split = new ArrayList<>();
        PacketReader splitReader = reader(version, maxPacketSize);
        long allocated = feedInSplits(splitReader, stream, new Random(splitSeed), split);
        long allowed = maxPacketSize + (long) BYTES_ALLOCATED_PER_INPUT_BYTE * stream.length + FIXED_ALLOCATION_ALLOWANCE;
        if (allocated > allowed) {
            // The first use of a code path loads classes on this thread: measure once more, warm.
            split.clear();
            allocated = feedInSplits(reader(version, maxPacketSize), stream, new Random(splitSeed), split);
        }

        assertThat(split).as("results of the split stream").isEqualTo(whole);
        assertThat(allocated).as("bytes allocated decoding %d bytes with a %d byte maximum", stream.length, maxPacketSize)
                .isLessThanOrEqualTo(allowed);
        DecodeInvariants.assertWellFormedResults(whole);
        DecodeInvariants.assertRefusesInputAfterError(splitReader, split);
    }

    static ProtocolVersion version(byte selector) {
        int pick = (selector & 0xFF) % 4;
        return pick == 0 ? null : ProtocolVersion.values()[pick - 1];
    }

    private static PacketReader reader(ProtocolVersion version, int maxPacketSize) {
        PacketReader reader = new PacketReader(maxPacketSize);
        if (version != null) {
            reader.setVersion(version);
        }
        return reader;
    }

    private static void feed(PacketReader reader, byte[] stream, List<DecodeResult> results) {
        ByteBuffer all = ByteBuffer.wrap(stream);
        reader.feed(all, results::add);
        assertThat(all.hasRemaining()).as("input consumed").isFalse();
    }

    /** Feeds {@code stream} in random pieces (empty ones included); returns the bytes allocated. */
    private static long feedInSplits(PacketReader reader, byte[] stream, Random random, List<DecodeResult> results) {
        long allocated = 0;
        int offset = 0;
        while (offset < stream.length) {
            int piece = random.nextInt(Math.min(stream.length - offset, 64) + 1);
            ByteBuffer buffer = ByteBuffer.wrap(stream, offset, piece);
            long before = AllocationMeter.allocatedSoFar();
            reader.feed(buffer, results::add);
            allocated += AllocationMeter.allocatedSoFar() - before;
            assertThat(buffer.hasRemaining()).as("input consumed").isFalse();
            offset += piece;
        }
        return allocated;
    }
}
