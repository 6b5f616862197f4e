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
        int heavyLeft = Integer.MAX_VALUE;
        int lightPauseCalls;
        int paused;
        int resumeCalls;

        @Override
        public void sample() {
            samples++;
        }

        @Override
        public int pauseHeaviest() {
            pauseCalls++;
            if (heavyLeft == 0) {
                return 0;
            }
            heavyLeft--;
            paused++;
            return 1;
        }

        @Override
        public int pauseLight() {
            lightPauseCalls++;
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
    void aBacklogThatFallsAfterThePausesPausesNoMore() {
        start();
        backlog.set(1000);
        executor.advance(100);
        backlog.set(1200);
        executor.advance(100);
        assertThat(throttle.pauseCalls).isEqualTo(2);

        // the pauses made are enough: still above the mark, but falling since the last escalation
        backlog.set(1150);
        executor.advance(100);
        backlog.set(1100);
        executor.advance(100);
        backlog.set(1190);
        executor.advance(100);

        assertThat(monitor.engaged()).isTrue();
        assertThat(throttle.pauseCalls).isEqualTo(2);
        assertThat(throttle.lightPauseCalls).isZero();
    }

    @Test
    void aBacklogThatKeepsRisingPausesMoreAtEachCheck() {
        start();
        for (int check = 0; check < 4; check++) {
            backlog.set(1000 + check * 100);
            executor.advance(100);
        }

        assertThat(throttle.pauseCalls).isEqualTo(4);
        // a backlog that rises again past its figure at the last escalation escalates again
        backlog.set(1200);
        executor.advance(100);
        assertThat(throttle.pauseCalls).isEqualTo(4);
        backlog.set(1300);
        executor.advance(100);
        assertThat(throttle.pauseCalls).as("back where it was: not past it").isEqualTo(4);
        backlog.set(1310);
        executor.advance(100);
        assertThat(throttle.pauseCalls).isEqualTo(5);
    }

    @Test
    void lightPublishersArePausedOnlyWhenNoHeavyOneIsLeftAndTheRiseGoesOnACheckLater() {
        throttle.heavyLeft = 1;
        start();
        backlog.set(1000);
        executor.advance(100);
        assertThat(throttle.paused).isEqualTo(1);

        // the heavy one's pause gets a check to show: bytes already read are still being stored
        backlog.set(1100);
        executor.advance(100);
        assertThat(throttle.lightPauseCalls).isZero();

        backlog.set(1200);
        executor.advance(100);
        assertThat(throttle.lightPauseCalls).isEqualTo(1);
        assertThat(throttle.paused).isEqualTo(2);
    }

    @Test
    void lightPublishersAreNeverPausedWhilePausingHeavyOnesStopsTheRise() {
        throttle.heavyLeft = 1;
        start();
        backlog.set(1000);
        executor.advance(100);
        for (int check = 1; check <= 20; check++) {
            backlog.set(1000 - check * 10);
            executor.advance(100);
        }

        assertThat(throttle.lightPauseCalls).isZero();
        assertThat(throttle.paused).isEqualTo(1);
    }

    @Test
    void aBacklogStandingStillBetweenGroupCommitsPausesNoOneMore() {
        throttle.heavyLeft = 1;
        start();
        backlog.set(1000);
        executor.advance(100);
        backlog.set(1050);
        executor.advance(100);
        // the store commits in batches: between two commits the backlog stands still, nothing comes in
        for (int check = 0; check < 5; check++) {
            executor.advance(100);
        }

        assertThat(throttle.lightPauseCalls).isZero();
        assertThat(throttle.paused).isEqualTo(1);
        assertThat(throttle.pauseCalls).isEqualTo(2);
    }

    @Test
    void aLiveHeapAboveItsMarkPausesLightPublishersOnlyOnceACollectionShowsItNotFalling() {
        throttle.heavyLeft = 1;
        start();
        backlog.set(1000);
        executor.advance(100);
        heap.live = 0.86;
        for (int check = 1; check <= 5; check++) {
            backlog.set(1000 - check * 10);
            executor.advance(100);
        }
        // no collection since: the live heap reads as it was, which is no sign of a rise
        assertThat(throttle.lightPauseCalls).isZero();

        heap.afterCollection.accept(0.87);
        heap.live = 0.87;
        executor.advance(100);
        assertThat(throttle.lightPauseCalls).isEqualTo(1);
        assertThat(throttle.paused).isEqualTo(2);
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
