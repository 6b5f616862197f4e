package dev.tern.domain.delivery;

import static dev.tern.domain.delivery.TestDeliveries.qos1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The byte bound of a session queue, beside its message count (each test delivery is "t/x" plus x: 4 bytes a letter). */
class OutboundQueueBytesTest {

    private static final Delivery A = qos1("a");
    private static final Delivery B = qos1("b");
    private static final Delivery C = qos1("c");

    @Test
    void countsTheBytesOfWhatItHolds() {
        OutboundQueue queue = new OutboundQueue(10, 100, OverflowPolicy.DROP_OLDEST);
        queue.offer(A);
        queue.offer(qos1("long"));

        assertThat(queue.bytes()).isEqualTo(A.sizeInBytes() + qos1("long").sizeInBytes()).isEqualTo(4 + 10);
        queue.poll();
        assertThat(queue.bytes()).isEqualTo(10);
        queue.requeueFirst(List.of(A, B));
        assertThat(queue.bytes()).isEqualTo(18);
        queue.clear();
        assertThat(queue.bytes()).isZero();
    }

    @Test
    void refuseNewestRefusesWhatWouldPassTheByteBound() {
        OutboundQueue queue = new OutboundQueue(10, 8, OverflowPolicy.REFUSE_NEWEST);
        queue.offer(A);
        queue.offer(B);

        OutboundQueue.Offer offer = queue.offer(C);

        assertThat(offer).isEqualTo(new OutboundQueue.Offer(false, C, true));
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.bytes()).isEqualTo(8);
    }

    @Test
    void dropOldestDropsAsManyAsTheNewMessageNeeds() {
        OutboundQueue queue = new OutboundQueue(10, 12, OverflowPolicy.DROP_OLDEST);
        queue.offer(A);
        queue.offer(B);
        queue.offer(C);
        Delivery big = qos1("bigg"); // 10 bytes: the three others (4 each) have to go

        OutboundQueue.Offer offer = queue.offer(big);

        assertThat(offer.accepted()).isTrue();
        assertThat(offer.dropped()).isSameAs(A);
        assertThat(offer.onBytes()).isTrue();
        assertThat(queue.trimOldest()).isSameAs(B);
        assertThat(queue.trimOldest()).isSameAs(C);
        assertThat(queue.trimOldest()).isNull();
        assertThat(queue.peek()).isSameAs(big);
        assertThat(queue.bytes()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OverflowPolicy.class)
    void aMessageLargerThanTheByteBoundIsRefusedUnderEitherPolicy(OverflowPolicy policy) {
        OutboundQueue queue = new OutboundQueue(10, 5, policy);
        queue.offer(A);
        Delivery big = qos1("toolarge");

        assertThat(queue.offer(big)).isEqualTo(new OutboundQueue.Offer(false, big, true));
        assertThat(queue.peek()).isSameAs(A);
    }

    @Test
    void trimsNothingWithinTheBound() {
        OutboundQueue queue = new OutboundQueue(2, 100, OverflowPolicy.DROP_OLDEST);
        queue.offer(A);
        queue.offer(B);
        queue.offer(C);

        assertThat(queue.trimOldest()).isNull();
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void refusesANonPositiveByteBound() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OutboundQueue(1, 0, OverflowPolicy.DROP_OLDEST));
    }
}
