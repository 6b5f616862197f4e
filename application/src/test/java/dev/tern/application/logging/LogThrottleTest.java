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
        // Occurrences counted between the winner's compare-and-set and its reset are reported with
        // the winner's line rather than the next one: attributed early, never lost.
        AtomicLong reported = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    LogThrottle.Admitted line = throttle.admit();
                    if (line != null) {
                        admitted.incrementAndGet();
                        reported.addAndGet(line.count());
                    }
                }
                done.countDown();
            }).start();
        }
        done.await();
        clock.advance(10_000);
        LogThrottle.Admitted last = throttle.admit();

        assertThat(admitted.get()).isEqualTo(1);
        assertThat(admitted.get() + reported.get() + last.count()).isEqualTo(threads * each);
    }
}
