package dev.tern.application.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The partial-packet buffer costs memory for the bytes a client sent, not for the length it announced. */
class FrameReaderTest {

    /** PUBLISH, QoS 0, Remaining Length 268,435,455: the largest four bytes can announce. */
    private static final byte[] LARGEST_PUBLISH_HEADER = {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};

    @Test
    void announcedLengthAloneAllocatesNothing() {
        FrameReader frames = new FrameReader();
        ByteBuffer in = ByteBuffer.wrap(LARGEST_PUBLISH_HEADER);

        assertThat(frames.readHeader(in)).isEqualTo(FrameReader.Status.HEADER);
        assertThat(frames.readBody(in)).isNull();

        assertThat(frames.remainingLength()).isEqualTo(268_435_455);
        assertThat(frames.bufferCapacity()).isZero();
    }

    @Test
    void awaitsTheRestOfABodyOnlyOnceItsHeaderHasArrived() {
        FrameReader frames = new FrameReader();
        ByteBuffer in = ByteBuffer.wrap(new byte[] {0x30, (byte) 0x90});
        assertThat(frames.readHeader(in)).isNotEqualTo(FrameReader.Status.HEADER);
        assertThat(frames.bytesAwaited()).as("half a Remaining Length").isZero();

        assertThat(frames.readHeader(ByteBuffer.wrap(new byte[] {0x4E}))).isEqualTo(FrameReader.Status.HEADER);
        assertThat(frames.bytesAwaited()).isEqualTo(10_000);
        assertThat(frames.readBody(ByteBuffer.wrap(new byte[4_000]))).isNull();
        assertThat(frames.bytesAwaited()).isEqualTo(6_000);

        ByteBuffer rest = ByteBuffer.wrap(new byte[6_000]);
        assertThat(frames.readBody(rest)).isNotNull();
        frames.finish(rest, false);
        assertThat(frames.bytesAwaited()).isZero();
    }

    @Test
    void bufferGrowsWithTheBytesThatArriveAndNoFurther() {
        FrameReader frames = new FrameReader();
        frames.readHeader(ByteBuffer.wrap(LARGEST_PUBLISH_HEADER));

        for (int i = 0; i < 100; i++) {
            assertThat(frames.readBody(ByteBuffer.wrap(new byte[1000]))).isNull();
        }

        assertThat(frames.bufferCapacity()).isBetween(100_000, 2 * 100_000);
    }

    @Test
    void bufferGrowsToTheWholeBodyOnceAnEighthOfItHasArrived() {
        FrameReader frames = new FrameReader();
        // Remaining Length 1,000,000 = 0xC0 0x84 0x3D as a Variable Byte Integer.
        frames.readHeader(ByteBuffer.wrap(new byte[] {0x30, (byte) 0xC0, (byte) 0x84, 0x3D}));

        for (int i = 0; i < 100; i++) {
            frames.readBody(ByteBuffer.wrap(new byte[1000]));
        }
        assertThat(frames.bufferCapacity()).isLessThan(2 * 100_000);
        for (int i = 0; i < 40; i++) {
            frames.readBody(ByteBuffer.wrap(new byte[1000]));
        }

        assertThat(frames.bufferCapacity()).isEqualTo(1_000_000);
    }

    @Test
    void growingBufferStillReassemblesTheWholeBody() {
        FrameReader frames = new FrameReader();
        byte[] body = new byte[5000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        // 5000 = 0x88 0x27 as a Variable Byte Integer.
        frames.readHeader(ByteBuffer.wrap(new byte[] {0x30, (byte) 0x88, 0x27}));

        ByteBuffer result = null;
        for (int offset = 0; offset < body.length; offset += 700) {
            result = frames.readBody(ByteBuffer.wrap(body, offset, Math.min(700, body.length - offset)));
        }

        assertThat(result).isNotNull();
        byte[] reassembled = new byte[result.remaining()];
        result.get(reassembled);
        assertThat(reassembled).isEqualTo(body);
    }
}
