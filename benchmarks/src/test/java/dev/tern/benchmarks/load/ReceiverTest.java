package dev.tern.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The receiver splits a message's latency into the load generator's lateness and the transit. */
class ReceiverTest {

    @Test
    void latencyRunsFromTheDueTimeAndTransitFromTheWrite() {
        Receiver receiver = new Receiver(new Progress(), 0);
        long now = System.nanoTime();

        receiver.onMessage(payload(64, now - 50_000_000L, now - 10_000_000L), false);

        long latency = receiver.latency().percentile(1.0);
        long transit = receiver.transit().percentile(1.0);
        assertThat(latency).isGreaterThanOrEqualTo(50_000L);
        assertThat(transit).isGreaterThanOrEqualTo(10_000L);
        // 40 ms apart, give or take the histogram's buckets (under 0.1 %) and the microsecond truncation.
        assertThat(latency - transit).isBetween(39_000L, 41_000L);
    }

    @Test
    void payloadTooSmallToSayWhenItWasWrittenLeavesTransitEmpty() {
        Receiver receiver = new Receiver(new Progress(), 0);

        receiver.onMessage(payload(PublishTemplate.MIN_PAYLOAD, System.nanoTime(), 0), false);

        assertThat(receiver.latency().count()).isEqualTo(1);
        assertThat(receiver.transit().count()).isZero();
    }

    private static ByteBuf payload(int size, long dueNanos, long writtenNanos) {
        ByteBuf payload = Unpooled.buffer(size).writeInt(0).writeInt(0).writeLong(dueNanos);
        if (size >= PublishTemplate.TIMED_PAYLOAD) {
            payload.writeLong(writtenNanos);
        }
        return payload.writeZero(size - payload.writerIndex());
    }
}
