package dev.tern.application.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

    private final ManualClock clock = new ManualClock(5_000);
    private final LogThrottle throttle = new LogThrottle(clock, Duration.ofSeconds(10));

    @Test
    void admitsTheFirstOccurrenceWithNothingUnlogged() {
        LogThrottle.Admitted first = throttle.admit();

        assertThat(first).isEqualTo(new LogThrottle.Admitted(0, null));
        assertThat(first.hasUnlogged()).isFalse();
    }

    @Test
    void onlyCountsOccurrencesWithinTheInterval() {
        throttle.admit();
        clock.advance(9_999);

        assertThat(throttle.admit()).isNull();
    }

    @Test
    void admitsTheFirstOccurrenceAfterTheIntervalWithTheCountSinceTheLastLoggedOne() {
        throttle.admit();
        throttle.admit();
        throttle.admit();
        clock.advance(10_000);

        assertThat(throttle.admit()).isEqualTo(new LogThrottle.Admitted(2, Instant.ofEpochMilli(5_000)));
        assertThat(throttle.admit()).isNull();
    }

    @Test
    void losesNoCountWhenManyThreadsOccurAtOnce() throws InterruptedException {
        int threads = 4;
        int each = 10_000;
        AtomicLong admitted = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    if (throttle.admit() != null) {
                        admitted.incrementAndGet();
                    }
                }
                done.countDown();
            }).start();
        }
        done.await();
        clock.advance(10_000);

        assertThat(admitted.get()).isEqualTo(1);
        assertThat(throttle.admit().count()).isEqualTo(threads * each - 1);
    }
}
