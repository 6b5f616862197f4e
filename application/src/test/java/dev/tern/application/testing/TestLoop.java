package dev.tern.application.testing;

import dev.tern.application.port.out.TaskExecutor;
import java.util.ArrayDeque;

/**
 * An event loop for tests of work crossing loops: the test thread counts as this loop's thread
 * only while {@link #runPending()} runs its tasks (or while {@link #onThisLoop} is set by hand).
 *
 * <p>Threading: single-threaded; for use by one test thread.
 */
public final class TestLoop implements TaskExecutor {

    public final String name;
    public boolean onThisLoop;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    public TestLoop(String name) {
        this.name = name;
    }

    /** Another object for the same loop, equal to it: as two connections of one Netty loop see theirs. */
    public record View(TestLoop loop) implements TaskExecutor {
        @Override
        public void execute(Runnable task) {
            loop.execute(task);
        }

        @Override
        public boolean inExecutorThread() {
            return loop.inExecutorThread();
        }

        @Override
        public Cancellable schedule(Runnable task, long delayMillis) {
            return loop.schedule(task, delayMillis);
        }
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    @Override
    public boolean inExecutorThread() {
        return onThisLoop;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMillis) {
        throw new UnsupportedOperationException("no timers");
    }

    public int pending() {
        return tasks.size();
    }

    /** Runs the queued tasks, and those they queue, as this loop's thread. */
    public void runPending() {
        onThisLoop = true;
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
        onThisLoop = false;
    }
}
