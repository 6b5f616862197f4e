package dev.tern.bootstrap;

import dev.tern.application.port.out.TaskExecutor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A single-threaded {@link TaskExecutor} of the broker's own: it owns sessions restored from the
 * store until their clients reconnect, with their expiry and will timers.
 *
 * <p>Threading: every method may be called from any thread.
 */
final class ScheduledTaskExecutor implements TaskExecutor, AutoCloseable {

    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    ScheduledTaskExecutor(String name) {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable command) {
        executor.execute(command);
    }

    @Override
    public boolean inExecutorThread() {
        return Thread.currentThread() == thread;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMillis) {
        var future = executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    ScheduledExecutorService asService() {
        return executor;
    }

    /** Runs what is queued, then stops; waits up to {@code timeoutMillis}. */
    void shutdown(long timeoutMillis) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs what is queued now, drops timers not yet due, then stops; waits up to {@code timeoutMillis}. */
    void shutdownDroppingTimers(long timeoutMillis) throws InterruptedException {
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.shutdown();
        executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops taking tasks and ends the thread once the running task returns, dropping delayed
     * ones; callable from the executor's own thread, since it does not wait.
     */
    void stopWhenIdle() {
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.shutdown();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
