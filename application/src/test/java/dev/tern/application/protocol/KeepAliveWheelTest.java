package dev.tern.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.testing.ManualClock;
import dev.tern.application.testing.ManualExecutor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeepAliveWheelTest {

    /** Not on a tick boundary, so that a deadline falls inside a tick. */
    private final ManualClock clock = new ManualClock(1_000_037);
    private final ManualExecutor loop = new ManualExecutor(clock);
    private final CountingExecutor counting = new CountingExecutor(loop);
    private final KeepAliveWheels wheels = new KeepAliveWheels(clock);
    private final List<Long> firedAt = new ArrayList<>();
    private boolean paused;

    private KeepAliveTimer watch(int keepAliveSeconds) {
        return new KeepAliveTimer(wheels.wheelFor(counting), keepAliveSeconds, () -> firedAt.add(clock.millis()),
                () -> paused);
    }

    /** [MQTT-3.1.2-24]: never before one and a half keep alives of silence, at most one tick after. */
    @Test
    void closesASilentConnectionAtItsDeadlineWithinOneTick() {
        long start = clock.millis();
        watch(2);

        loop.advance(2_999);
        assertThat(firedAt).isEmpty();
        loop.advance(1 + KeepAliveWheel.TICK_MILLIS);
        assertThat(firedAt).hasSize(1);
        assertThat(firedAt.get(0) - start).isBetween(3_000L, 3_000L + KeepAliveWheel.TICK_MILLIS);
    }

    @Test
    void aConnectionThatKeepsSendingIsNeverClosed() {
        KeepAliveTimer timer = watch(1);

        for (int i = 0; i < 60; i++) {
            loop.advance(1_400);
            timer.received();
        }

        assertThat(firedAt).isEmpty();
        loop.advance(1_600);
        assertThat(firedAt).hasSize(1);
    }

    @Test
    void aDeadlineBeyondOneTurnOfTheWheelIsNotActedOnEarly() {
        long start = clock.millis();
        watch(100);
        assertThat(150_000L).isGreaterThan(KeepAliveWheel.TICK_MILLIS * KeepAliveWheel.BUCKETS);

        loop.advance(149_999);
        assertThat(firedAt).isEmpty();
        loop.advance(KeepAliveWheel.TICK_MILLIS + 1);
        assertThat(firedAt).containsExactly(firedAt.get(0));
        assertThat(firedAt.get(0) - start).isBetween(150_000L, 150_000L + KeepAliveWheel.TICK_MILLIS);
    }

    @Test
    void aLateTickClosesEveryConnectionThatFellDueMeanwhile() {
        watch(1);
        watch(5);
        watch(100);
        watch(200);

        // The executor was busy for 250 s, longer than a turn of the wheel: one late tick catches up
        // with the three deadlines that passed, and not with the fourth (300 s).
        clock.advance(250_000);
        loop.advance(0);

        assertThat(firedAt).hasSize(3);
        loop.advance(50_000 + KeepAliveWheel.TICK_MILLIS);
        assertThat(firedAt).hasSize(4);
    }

    @Test
    void aStoppedTimerNeverFiresAndTheEmptyWheelStopsTicking() {
        KeepAliveTimer timer = watch(1);
        assertThat(wheels.wheelCount()).isEqualTo(1);

        timer.stop();
        loop.advance(10_000);

        assertThat(firedAt).isEmpty();
        assertThat(wheels.wheelCount()).isZero();
        int ticks = counting.scheduled;
        loop.advance(10_000);
        assertThat(counting.scheduled).isEqualTo(ticks);
    }

    @Test
    void silenceWhileTheBrokerDoesNotReadDoesNotCount() {
        KeepAliveTimer timer = watch(1);
        paused = true;

        loop.advance(10_000);
        assertThat(firedAt).isEmpty();

        // as the connection does when reading resumes: the client gets a whole period from then
        paused = false;
        timer.received();
        loop.advance(1_400);
        assertThat(firedAt).isEmpty();
        loop.advance(100 + KeepAliveWheel.TICK_MILLIS);
        assertThat(firedAt).hasSize(1);
    }

    @Test
    void thousandsOfConnectionsShareOneTickAtATime() {
        List<KeepAliveTimer> timers = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            timers.add(watch(60));
        }
        int before = counting.scheduled;

        loop.advance(1_000);

        assertThat(counting.scheduled - before).isEqualTo((int) (1_000 / KeepAliveWheel.TICK_MILLIS));
        assertThat(wheels.wheelFor(counting).size()).isEqualTo(5_000);
        timers.forEach(KeepAliveTimer::stop);
        assertThat(wheels.wheelFor(counting).size()).isZero();
    }

    /** A timeout may close other connections (a takeover, a will): their timers in the same tick must not be lost. */
    @Test
    void aTimeoutThatStopsAnotherTimerOfTheSameTickLosesNoOtherTimer() {
        KeepAliveWheel wheel = wheels.wheelFor(counting);
        List<String> fired = new ArrayList<>();
        KeepAliveTimer first = new KeepAliveTimer(wheel, 1, () -> fired.add("first"), () -> false);
        KeepAliveTimer[] second = new KeepAliveTimer[1];
        second[0] = new KeepAliveTimer(wheel, 1, () -> fired.add("second"), () -> false);
        // Added last, so handled first in the shared bucket: its timeout stops the one added before it.
        new KeepAliveTimer(wheel, 1, () -> {
            fired.add("third");
            second[0].stop();
        }, () -> false);

        loop.advance(1_500 + KeepAliveWheel.TICK_MILLIS);

        assertThat(fired).containsExactlyInAnyOrder("third", "first");
        assertThat(wheel.size()).isZero();
        first.stop();
        assertThat(wheel.size()).isZero();
    }

    @Test
    void timersOfOneExecutorShareItsWheel() {
        watch(1);
        watch(2);

        assertThat(wheels.wheelCount()).isEqualTo(1);
        assertThat(wheels.wheelFor(counting).size()).isEqualTo(2);
    }

    /** Counts the timers scheduled through it. */
    private static final class CountingExecutor implements TaskExecutor {
        private final ManualExecutor delegate;
        int scheduled;

        CountingExecutor(ManualExecutor delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable task) {
            delegate.execute(task);
        }

        @Override
        public boolean inExecutorThread() {
            return true;
        }

        @Override
        public Cancellable schedule(Runnable task, long delayMillis) {
            scheduled++;
            return delegate.schedule(task, delayMillis);
        }
    }
}
