package dev.tern.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BruteForceGuardTest {

    private final MutableClock clock = new MutableClock();
    private final BruteForceGuard guard = new BruteForceGuard(3, Duration.ofSeconds(60), clock);

    @Test
    void bansAHostAfterTooManyFailuresWhateverTheClientIds() {
        guard.recordFailure("10.0.0.7:1000", "a");
        guard.recordFailure("10.0.0.7:1001", "b");
        assertThat(guard.isBanned("10.0.0.7:1002", "c")).isFalse();

        guard.recordFailure("10.0.0.7:1003", "c");

        assertThat(guard.isBanned("10.0.0.7:2000", "d")).isTrue();
        assertThat(guard.isBanned("10.0.0.8:2000", "d")).isFalse();
    }

    @Test
    void bansAClientIdTriedFromManyHosts() {
        guard.recordFailure("10.0.0.1:1", "pump-7");
        guard.recordFailure("10.0.0.2:1", "pump-7");
        guard.recordFailure("[::1]:1", "pump-7");

        assertThat(guard.isBanned("10.0.0.9:1", "pump-7")).isTrue();
        assertThat(guard.isBanned("10.0.0.9:1", "pump-8")).isFalse();
    }

    @Test
    void liftsTheBanAfterItsDuration() {
        for (int i = 0; i < 3; i++) {
            guard.recordFailure("10.0.0.7:1", "a");
        }
        clock.advance(Duration.ofSeconds(59));
        assertThat(guard.isBanned("10.0.0.7:1", "a")).isTrue();

        clock.advance(Duration.ofSeconds(2));

        assertThat(guard.isBanned("10.0.0.7:1", "a")).isFalse();
    }

    @Test
    void forgetsFailuresOlderThanTheWindow() {
        guard.recordFailure("10.0.0.7:1", "a");
        guard.recordFailure("10.0.0.7:1", "a");
        clock.advance(Duration.ofSeconds(61));

        guard.recordFailure("10.0.0.7:1", "a");

        assertThat(guard.isBanned("10.0.0.7:1", "a")).isFalse();
    }

    @Test
    void takesTheHostPartOfAnAddress() {
        assertThat(BruteForceGuard.host("10.0.0.7:1883")).isEqualTo("10.0.0.7");
        assertThat(BruteForceGuard.host("[::1]:1883")).isEqualTo("[::1]");
        assertThat(BruteForceGuard.host("::1")).isEqualTo("::1");
    }

    @Test
    void zeroFailuresDisablesBans() {
        BruteForceGuard off = new BruteForceGuard(0, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 100; i++) {
            off.recordFailure("10.0.0.7:1", "a");
        }
        assertThat(off.isBanned("10.0.0.7:1", "a")).isFalse();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
