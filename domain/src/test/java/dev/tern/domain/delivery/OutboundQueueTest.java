package dev.tern.domain.delivery;

import static dev.tern.domain.delivery.TestDeliveries.qos1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundQueueTest {

    private static final Delivery A = qos1("a");
    private static final Delivery B = qos1("b");
    private static final Delivery C = qos1("c");
    private static final Delivery D = qos1("d");

    private static List<Delivery> drain(OutboundQueue queue) {
        List<Delivery> drained = new ArrayList<>();
        for (Delivery next = queue.poll(); next != null; next = queue.poll()) {
            drained.add(next);
        }
        return drained;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OverflowPolicy.class)
    void deliversInFifoOrderBelowTheLimit(OverflowPolicy policy) {
        OutboundQueue queue = new OutboundQueue(3, policy);

        assertThat(queue.offer(A)).isEqualTo(new OutboundQueue.Offer(true, null, false));
        queue.offer(B);
        queue.offer(C);

        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.peek()).isSameAs(A);
        assertThat(drain(queue)).containsExactly(A, B, C);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void dropOldestAcceptsTheNewMessageAndReturnsTheOldest() {
        OutboundQueue queue = new OutboundQueue(2, OverflowPolicy.DROP_OLDEST);
        queue.offer(A);
        queue.offer(B);

        OutboundQueue.Offer offer = queue.offer(C);

        assertThat(offer.accepted()).isTrue();
        assertThat(offer.dropped()).isSameAs(A);
        assertThat(offer.onBytes()).isFalse();
        assertThat(drain(queue)).containsExactly(B, C);
    }

    @Test
    void refuseNewestKeepsTheQueueAndReturnsTheNewMessage() {
        OutboundQueue queue = new OutboundQueue(2, OverflowPolicy.REFUSE_NEWEST);
        queue.offer(A);
        queue.offer(B);

        OutboundQueue.Offer offer = queue.offer(C);

        assertThat(offer.accepted()).isFalse();
        assertThat(offer.dropped()).isSameAs(C);
        assertThat(drain(queue)).containsExactly(A, B);
    }

    @Test
    void requeueFirstPutsDeliveriesAheadOfTheQueueInTheirOrder() {
        OutboundQueue queue = new OutboundQueue(10, OverflowPolicy.DROP_OLDEST);
        queue.offer(C);
        queue.offer(D);

        queue.requeueFirst(List.of(A, B));

        assertThat(drain(queue)).containsExactly(A, B, C, D);
    }

    /** Requeued messages were already accepted once; the limit must not drop them now. */
    @Test
    void requeueFirstIgnoresTheLimit() {
        OutboundQueue queue = new OutboundQueue(1, OverflowPolicy.REFUSE_NEWEST);
        queue.offer(C);

        queue.requeueFirst(List.of(A, B));

        assertThat(queue.size()).isEqualTo(3);
        assertThat(drain(queue)).containsExactly(A, B, C);
    }

    @Test
    void requeueFirstOfNothingChangesNothing() {
        OutboundQueue queue = new OutboundQueue(1, OverflowPolicy.DROP_OLDEST);
        queue.offer(A);

        queue.requeueFirst(List.of());

        assertThat(drain(queue)).containsExactly(A);
    }

    @Test
    void emptyQueueYieldsNull() {
        OutboundQueue queue = new OutboundQueue(1, OverflowPolicy.DROP_OLDEST);

        assertThat(queue.peek()).isNull();
        assertThat(queue.poll()).isNull();
    }

    @Test
    void clearEmptiesTheQueue() {
        OutboundQueue queue = new OutboundQueue(5, OverflowPolicy.DROP_OLDEST);
        queue.offer(A);
        queue.offer(B);

        queue.clear();

        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.size()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, -1})
    void rejectsANonPositiveLimit(int limit) {
        assertThatIllegalArgumentException().isThrownBy(() -> new OutboundQueue(limit, OverflowPolicy.DROP_OLDEST));
    }

    @Test
    void rejectsAMissingOverflowPolicy() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OutboundQueue(1, null));
    }
}
