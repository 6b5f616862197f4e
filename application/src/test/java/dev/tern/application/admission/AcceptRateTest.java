package dev.tern.application.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AcceptRateTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(-5_000 * MS);
    private final AcceptRate rate = new AcceptRate(10, now::get);

    @Test
    void aSecondsWorthPassesAtOnceThenOneConnectionPerInterval() {
        for (int i = 0; i < 10; i++) {
            assertThat(rate.accepted()).as("connection %d", i + 1).isZero();
        }
        assertThat(rate.accepted()).isEqualTo(100 * MS);

        now.addAndGet(100 * MS);
        assertThat(rate.accepted()).isEqualTo(100 * MS);
        now.addAndGet(100 * MS);
        assertThat(rate.accepted()).isEqualTo(100 * MS);
    }

    @Test
    void connectionsAcceptedDuringAPauseLengthenTheNextOne() {
        for (int i = 0; i < 10; i++) {
            rate.accepted();
        }
        assertThat(rate.accepted()).isEqualTo(100 * MS);
        assertThat(rate.accepted()).isEqualTo(200 * MS);
    }

    @Test
    void anIdleListenerGetsItsBurstBackButNoMore() {
        for (int i = 0; i < 15; i++) {
            rate.accepted();
        }
        now.addAndGet(60_000 * MS);

        for (int i = 0; i < 10; i++) {
            assertThat(rate.accepted()).isZero();
        }
        assertThat(rate.accepted()).isPositive();
    }
}
