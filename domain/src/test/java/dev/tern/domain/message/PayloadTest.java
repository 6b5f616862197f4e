package dev.tern.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void wrapSharesTheArrayWithoutCopying() {
        byte[] bytes = {1, 2, 3};

        Payload payload = Payload.wrap(bytes);
        // Only to prove the sharing: callers promise never to do this after wrap.
        bytes[0] = 9;

        assertThat(payload.toByteArray()).containsExactly(9, 2, 3);
    }

    @Test
    void copyOfIsIndependentOfTheSourceArray() {
        byte[] bytes = {1, 2, 3};

        Payload payload = Payload.copyOf(bytes);
        bytes[0] = 9;

        assertThat(payload.toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void toByteArrayReturnsAFreshCopyEachTime() {
        Payload payload = Payload.wrap(new byte[] {1, 2});

        byte[] copy = payload.toByteArray();
        copy[0] = 7;

        assertThat(payload.toByteArray()).containsExactly(1, 2);
        assertThat(payload.toByteArray()).isNotSameAs(payload.toByteArray());
    }

    @Test
    void emptyArraysBecomeTheSharedEmptyPayload() {
        assertThat(Payload.wrap(new byte[0])).isSameAs(Payload.EMPTY);
        assertThat(Payload.copyOf(new byte[0])).isSameAs(Payload.EMPTY);
        assertThat(Payload.EMPTY.isEmpty()).isTrue();
        assertThat(Payload.EMPTY.size()).isZero();
    }

    @Test
    void reportsItsSize() {
        Payload payload = Payload.wrap(new byte[] {1, 2, 3});

        assertThat(payload.size()).isEqualTo(3);
        assertThat(payload.isEmpty()).isFalse();
    }

    @Test
    void payloadsWithTheSameBytesAreEqual() {
        Payload a = Payload.wrap(new byte[] {1, 2, 3});
        Payload b = Payload.copyOf(new byte[] {1, 2, 3});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void payloadsWithDifferentBytesAreNotEqual() {
        Payload a = Payload.wrap(new byte[] {1, 2, 3});

        assertThat(a).isNotEqualTo(Payload.wrap(new byte[] {1, 2, 4}));
        assertThat(a).isNotEqualTo(Payload.wrap(new byte[] {1, 2}));
        assertThat(a).isNotEqualTo(Payload.EMPTY);
        assertThat(a).isNotEqualTo(new byte[] {1, 2, 3});
    }

    @Test
    void readOnlyBufferExposesTheBytesButRefusesWrites() {
        Payload payload = Payload.wrap(new byte[] {4, 5});

        ByteBuffer buffer = payload.asReadOnlyBuffer();

        assertThat(buffer.remaining()).isEqualTo(2);
        assertThat(buffer.get(0)).isEqualTo((byte) 4);
        assertThatExceptionOfType(ReadOnlyBufferException.class).isThrownBy(() -> buffer.put(0, (byte) 1));
    }

    @Test
    void writeToAppendsTheBytesAtTheTargetPosition() {
        Payload payload = Payload.wrap(new byte[] {4, 5});
        ByteBuffer target = ByteBuffer.allocate(4);
        target.put((byte) 1);

        payload.writeTo(target);

        assertThat(target.position()).isEqualTo(3);
        assertThat(target.array()).containsExactly(1, 4, 5, 0);
    }

    @Test
    void aRangeOfAnArrayIsThePayloadAndNothingAroundIt() {
        byte[] packet = {9, 9, 1, 2, 3, 9};

        Payload payload = Payload.wrap(packet, 2, 3);

        assertThat(payload.size()).isEqualTo(3);
        assertThat(payload.toByteArray()).containsExactly(1, 2, 3);
        ByteBuffer view = payload.asReadOnlyBuffer();
        assertThat(view.position()).isZero();
        assertThat(view.remaining()).isEqualTo(3);
        assertThat(view.get(0)).isEqualTo((byte) 1);
        ByteBuffer target = ByteBuffer.allocate(3);
        payload.writeTo(target);
        assertThat(target.array()).containsExactly(1, 2, 3);
    }

    @Test
    void aRangeEqualsAWholeArrayWithTheSameBytes() {
        Payload range = Payload.wrap(new byte[] {9, 1, 2, 3}, 1, 3);
        Payload whole = Payload.wrap(new byte[] {1, 2, 3});

        assertThat(range).isEqualTo(whole).hasSameHashCodeAs(whole);
        assertThat(range).isNotEqualTo(Payload.wrap(new byte[] {9, 1, 2}));
    }

    @Test
    void aRangeOutsideTheArrayIsRefused() {
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> Payload.wrap(new byte[3], 2, 2));
        assertThat(Payload.wrap(new byte[3], 1, 0)).isSameAs(Payload.EMPTY);
    }

    @Test
    void toStringShowsTheSizeNotTheContent() {
        assertThat(Payload.wrap(new byte[] {65, 66})).hasToString("Payload[2 bytes]");
    }
}
