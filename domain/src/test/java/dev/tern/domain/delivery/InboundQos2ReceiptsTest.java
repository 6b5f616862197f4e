package dev.tern.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Inbound QoS 2: a PUBLISH whose id awaits PUBREL is a duplicate and is not routed again
 * (4.3.3, method B); after PUBREL the id may carry a new message.
 */
class InboundQos2ReceiptsTest {

    private final InboundQos2Receipts receipts = new InboundQos2Receipts();

    @Test
    void firstReceiptOfAnIdIsNew() {
        assertThat(receipts.receive(10)).isTrue();
        assertThat(receipts.contains(10)).isTrue();
        assertThat(receipts.size()).isEqualTo(1);
    }

    @Test
    void secondReceiptBeforePubrelIsADuplicate() {
        receipts.receive(10);

        assertThat(receipts.receive(10)).isFalse();
        assertThat(receipts.size()).isEqualTo(1);
    }

    @Test
    void differentIdsAreTrackedIndependently() {
        receipts.receive(10);

        assertThat(receipts.receive(11)).isTrue();
        assertThat(receipts.size()).isEqualTo(2);
    }

    @Test
    void releaseForgetsTheIdSoItCarriesANewMessageAfterwards() {
        receipts.receive(10);

        assertThat(receipts.release(10)).isTrue();
        assertThat(receipts.contains(10)).isFalse();
        assertThat(receipts.receive(10)).isTrue();
    }

    @Test
    void releaseOfAnUnknownIdReportsFalse() {
        receipts.receive(10);

        assertThat(receipts.release(11)).isFalse();
        assertThat(receipts.contains(10)).isTrue();
    }

    @Test
    void secondReleaseOfTheSameIdReportsFalse() {
        receipts.receive(10);
        receipts.release(10);

        assertThat(receipts.release(10)).isFalse();
    }

    @Test
    void clearForgetsEveryId() {
        receipts.receive(10);
        receipts.receive(11);

        receipts.clear();

        assertThat(receipts.size()).isZero();
        assertThat(receipts.receive(10)).isTrue();
    }
}
