package dev.tern.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OutboundQueue;
import dev.tern.domain.delivery.OverflowPolicy;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import org.junit.jupiter.api.Test;

class SessionLimitsTest {

    @Test
    void refusesBoundsNoWindowOrQueueCouldHave() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionLimits(0, 1, 1, 1, OverflowPolicy.DROP_OLDEST));
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionLimits(65_536, 1, 1, 1, OverflowPolicy.DROP_OLDEST));
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionLimits(1, 0, 1, 1, OverflowPolicy.DROP_OLDEST));
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionLimits(1, 1, 0, 1, OverflowPolicy.DROP_OLDEST));
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionLimits(1, 1, 1, 0, OverflowPolicy.DROP_OLDEST));
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionLimits(1, 1, 1, 1, null));
    }

    @Test
    void boundsInMessagesOnlyLeaveBothByteBoundsOpen() {
        SessionLimits limits = new SessionLimits(5, 7, OverflowPolicy.REFUSE_NEWEST);

        assertThat(limits.maxInflightBytes()).isEqualTo(OutboundQueue.UNBOUNDED_BYTES);
        assertThat(limits.maxQueuedBytes()).isEqualTo(OutboundQueue.UNBOUNDED_BYTES);
    }

    /** 39 payload bytes and a one-character topic: 40 as the byte bounds count. */
    private static Delivery fortyBytes() {
        return Delivery.of(ApplicationMessage.of("t", new byte[39], Qos.AT_MOST_ONCE, false));
    }

    @Test
    void everySessionBuiltFromOneLimitsValueAppliesItsByteBounds() {
        SessionLimits limits = new SessionLimits(10, 100, 10, 50, OverflowPolicy.REFUSE_NEWEST);
        Session first = new Session("a", SessionExpiry.NEVER, limits);
        Session second = new Session("b", SessionExpiry.NEVER, limits);

        assertThat(first.queue().offer(fortyBytes()).accepted()).isTrue();
        assertThat(first.queue().offer(fortyBytes()).accepted()).isFalse();
        assertThat(second.queue().offer(fortyBytes()).accepted()).isTrue();
    }
}
