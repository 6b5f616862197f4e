package dev.tern.application.port.out;

import java.util.concurrent.Executor;

/**
 * A single-threaded executor with timers: a connection's event loop, or a broker-wide scheduler.
 * Tasks run in submission order, one at a time.
 *
 * <p>Threading: every method may be called from any thread.
 */
public interface TaskExecutor extends Executor {

    /** Whether the calling thread is this executor's thread. */
    boolean inExecutorThread();

    /** Runs {@code task} on this executor after {@code delayMillis}. */
    Cancellable schedule(Runnable task, long delayMillis);

    /** A scheduled task that can be cancelled; cancelling a finished task does nothing. */
    interface Cancellable {
        void cancel();
    }
}
