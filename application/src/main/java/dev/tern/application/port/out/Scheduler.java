package dev.tern.application.port.out;

/**
 * Broker-wide timers that belong to no connection (session expiry, will delay). Also hands out
 * the executor that owns a session while it has no connection.
 *
 * <p>Threading: every method may be called from any thread.
 */
public interface Scheduler {

    /** A single-threaded executor for work keyed by {@code key}; the same key always gets the same one. */
    TaskExecutor executorFor(String key);
}
