package dev.tern.application.overload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.testing.ManualClock;
import dev.tern.application.testing.ManualExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;

class OverloadMonitorTest {

    private static final OverloadSettings SETTINGS = new OverloadSettings(85, 70, 1000, 500, 100);

    private final ManualClock clock = new ManualClock(0);
    private final ManualExecutor executor = new ManualExecutor(clock);
    private final FakeHeap heap = new FakeHeap();
    private final AtomicLong backlog = new AtomicLong();
    private final CountingThrottle throttle = new CountingThrottle();
    private final OverloadMonitor monitor = new OverloadMonitor(SETTINGS, heap, backlog::get, throttle, executor, clock,
            MetricsRegistry.NONE);

    private static final class FakeHeap implements HeapGauge {
        double live = 0.3;
        int refreshes;
        DoubleConsumer afterCollection = live -> { };
        boolean unregistered;

        @Override
        public Runnable onCollection(DoubleConsumer liveFraction) {
            afterCollection = liveFraction;
            return () -> unregistered = true;
        }

        @Override
        public double liveFraction() {
            return live;
        }

        @Override
        public void refresh() {
            refreshes++;
        }
    }

    private static final class CountingThrottle implements PublisherThrottle {
        int samples;
        int pauseCalls;
        int paused;
        int resumeCalls;

        @Override
        public void sample() {
            samples++;
        }

        @Override
        public int pauseHeaviest() {
            pauseCalls++;
            paused++;
            return 1;
        }

        @Override
        public int resumeAll() {
            resumeCalls++;
            int count = paused;
            paused = 0;
            return count;
        }

        @Override
        public int paused() {
            return paused;
        }
    }

    private void start() {
        monitor.start();
        executor.runPending();
    }

    @Test
    void belowTheMarksItOnlySamples() {
        start();
        executor.advance(1000);

        assertThat(throttle.samples).isEqualTo(11);
        assertThat(throttle.pauseCalls).isZero();
        assertThat(monitor.engaged()).isFalse();
    }

    @Test
    void liveHeapAtTheHighMarkPausesPublishersAtEachCheckUntilItIsBelowTheLowMark() {
        start();
        heap.live = 0.86;
        executor.advance(100);
        assertThat(monitor.engaged()).isTrue();
        assertThat(throttle.pauseCalls).isEqualTo(1);
        executor.advance(200);
        assertThat(throttle.pauseCalls).isEqualTo(3);

        // between the marks: held, no more paused
        heap.live = 0.75;
        executor.advance(300);
        assertThat(throttle.pauseCalls).isEqualTo(3);
        assertThat(throttle.resumeCalls).isZero();

        heap.live = 0.69;
        executor.advance(100);
        assertThat(monitor.engaged()).isFalse();
        assertThat(throttle.resumeCalls).isEqualTo(1);
        assertThat(throttle.paused).isZero();
    }

    @Test
    void aStorageBacklogAtItsHighMarkEngagesItToo() {
        start();
        backlog.set(1000);
        executor.advance(100);
        assertThat(monitor.engaged()).isTrue();

        backlog.set(600);
        executor.advance(100);
        assertThat(monitor.engaged()).isTrue();
        backlog.set(499);
        executor.advance(100);
        assertThat(monitor.engaged()).isFalse();
    }

    @Test
    void whileOverloadedItRefreshesTheHeapFigureAboutOnceASecond() {
        start();
        heap.live = 0.9;
        executor.advance(100);
        executor.advance(2000);

        assertThat(heap.refreshes).isEqualTo(2);
    }

    @Test
    void aCollectionAboveTheHighMarkActsAtOnceWithoutWaitingForTheNextCheck() {
        start();
        executor.advance(100);
        int samples = throttle.samples;

        heap.live = 0.9;
        heap.afterCollection.accept(0.9);
        executor.runPending();

        assertThat(monitor.engaged()).isTrue();
        assertThat(throttle.pauseCalls).isEqualTo(1);
        // heaviest is still measured over the last whole interval
        assertThat(throttle.samples).isEqualTo(samples);
    }

    @Test
    void aCollectionBelowTheHighMarkTriggersNothing() {
        start();
        heap.afterCollection.accept(0.5);

        assertThat(monitor.engaged()).isFalse();
        executor.runPending();
        assertThat(throttle.pauseCalls).isZero();
    }

    @Test
    void stoppedItChecksNoMore() {
        start();
        monitor.stop();
        executor.runPending();
        int samples = throttle.samples;
        executor.advance(1000);

        assertThat(throttle.samples).isEqualTo(samples);
        assertThat(heap.unregistered).isTrue();
    }
}
