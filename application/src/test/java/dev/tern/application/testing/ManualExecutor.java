package dev.tern.application.testing;

import dev.tern.application.port.out.TaskExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deterministic {@link TaskExecutor} for tests: tasks run only when the test calls {@link
 * #runPending()}, timers only when it calls {@link #advance}. The test thread counts as the
 * executor's thread.
 *
 * <p>Threading: single-threaded; for use by one test thread.
 */
public final class ManualExecutor implements TaskExecutor {

    private final ManualClock clock;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final List<Timer> timers = new ArrayList<>();

    public ManualExecutor(ManualClock clock) {
        this.clock = clock;
    }

    private final class Timer implements Cancellable {
        final long dueMillis;
        final Runnable task;
        boolean cancelled;

        Timer(long dueMillis, Runnable task) {
            this.dueMillis = dueMillis;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public void execute(Runnable command) {
        tasks.add(command);
    }

    @Override
    public boolean inExecutorThread() {
        return true;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMillis) {
        Timer timer = new Timer(clock.millis() + delayMillis, task);
        timers.add(timer);
        return timer;
    }

    /** Whether a task is queued (timers not counted). */
    public boolean hasPending() {
        return !tasks.isEmpty();
    }

    /** Runs queued tasks, including those they queue, until none is left. */
    public void runPending() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    /** Moves the clock forward, firing due timers in order, and runs what they queue. */
    public void advance(long millis) {
        long target = clock.millis() + millis;
        while (true) {
            Timer next = timers.stream().filter(t -> !t.cancelled && t.dueMillis <= target)
                    .min(Comparator.comparingLong(t -> t.dueMillis)).orElse(null);
            if (next == null) {
                break;
            }
            // A timer overdue (its executor did not run for a while) fires now: time never goes back.
            clock.advance(Math.max(0, next.dueMillis - clock.millis()));
            timers.remove(next);
            next.task.run();
            runPending();
        }
        clock.advance(target - clock.millis());
        runPending();
    }
}
