package dev.tern.application.protocol.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.testing.ManualClock;
import dev.tern.application.testing.ManualExecutor;
import dev.tern.application.testing.RecordingChannel;
import dev.tern.application.testing.RecordingRegistry;
import org.junit.jupiter.api.Test;

class InboundRateLimiterTest {

    private final ManualClock clock = new ManualClock(0);
    private final ManualExecutor loop = new ManualExecutor(clock);
    private final RecordingChannel channel = new RecordingChannel(loop);
    private final ReadGate gate = new ReadGate(channel, () -> { });
    private final RecordingRegistry registry = new RecordingRegistry();
    private final RateLimitMeters meters = new RateLimitMeters(registry);

    private long count(String action) {
        return registry.counters.get("tern_rate_limitedaction," + action).get();
    }

    private InboundRateLimiter limiter(long messages, long bytes, OverLimit overLimit) {
        return new InboundRateLimiter(new RateLimit(messages, bytes), overLimit, gate, loop,
                () -> clock.millis() * 1_000_000L, meters);
    }

    @Test
    void countsEachPauseOnceHoweverManyPacketsDeepenTheDebt() {
        InboundRateLimiter limiter = limiter(1, 0, OverLimit.PAUSE);

        for (int i = 0; i < 4; i++) {
            assertThat(limiter.admit(10)).isTrue();
        }

        assertThat(channel.pauses()).isEqualTo(1);
        assertThat(count("paused")).isEqualTo(1);
        // three messages of debt at 1/s
        loop.advance(2_999);
        assertThat(channel.readingPaused()).isTrue();
        loop.advance(2);
        assertThat(channel.readingPaused()).isFalse();
    }

    @Test
    void inRefuseModeAMessageRefusedForItsBytesCostsNoMessageToken() {
        InboundRateLimiter limiter = limiter(2, 100, OverLimit.REFUSE);

        assertThat(limiter.admit(100)).isTrue();
        assertThat(limiter.admit(1)).isFalse();
        clock.advance(10);
        assertThat(limiter.admit(1)).isTrue();
        assertThat(channel.pauses()).isZero();
    }

    @Test
    void refusedAndDroppedAreCountedApart() {
        meters.refused(0);
        meters.refused(1);
        meters.refused(2);

        assertThat(count("dropped")).isEqualTo(1);
        assertThat(count("refused")).isEqualTo(2);
    }

    @Test
    void readingResumesOnlyWhenNeitherTheRateNorOverloadHoldsIt() {
        InboundRateLimiter limiter = limiter(1, 0, OverLimit.PAUSE);
        limiter.admit(1);
        limiter.admit(1);
        gate.overloaded(true);
        assertThat(channel.pauses()).isEqualTo(1);

        loop.advance(1_001);
        assertThat(channel.readingPaused()).isTrue();
        gate.overloaded(false);
        assertThat(channel.readingPaused()).isFalse();

        gate.overloaded(true);
        limiter.admit(1);
        limiter.admit(1);
        gate.overloaded(false);
        assertThat(channel.readingPaused()).isTrue();
    }

    @Test
    void aClosedGateNeverResumesReading() {
        gate.overloaded(true);
        gate.close();
        gate.overloaded(false);

        assertThat(channel.readingPaused()).isTrue();
    }
}
