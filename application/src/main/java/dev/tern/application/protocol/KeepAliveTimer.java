package dev.tern.application.protocol;

import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.port.out.TaskExecutor.Cancellable;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * Closes a connection that is silent for one and a half times its keep alive [MQTT-3.1.2-24].
 * Receiving only records the time; the timer re-arms itself for the remaining silence, so a busy
 * connection costs no timer operation per packet. While the broker itself is not reading from the
 * connection (a rate limit or overload protection paused it) the silence is the broker's doing:
 * it does not count, and the connection calls {@link #received()} when reading resumes, so the
 * client gets a whole period from then.
 *
 * <p>Threading: confined to the connection's executor.
 */
final class KeepAliveTimer {

    private final TaskExecutor executor;
    private final Clock clock;
    private final Runnable onTimeout;
    private final BooleanSupplier readingPaused;
    private long limitMillis;
    private long lastReceivedMillis;
    private Cancellable pending;

    KeepAliveTimer(TaskExecutor executor, Clock clock, Runnable onTimeout, BooleanSupplier readingPaused) {
        this.executor = executor;
        this.clock = clock;
        this.onTimeout = onTimeout;
        this.readingPaused = readingPaused;
        this.lastReceivedMillis = clock.millis();
    }

    void received() {
        lastReceivedMillis = clock.millis();
    }

    /** Starts watching; a keep alive of 0 switches the mechanism off [MQTT-3.1.2-23]. */
    void start(int keepAliveSeconds) {
        if (keepAliveSeconds > 0) {
            limitMillis = keepAliveSeconds * 1500L;
            pending = executor.schedule(this::check, limitMillis);
        }
    }

    long silentForMillis() {
        return clock.millis() - lastReceivedMillis;
    }

    void stop() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void check() {
        if (pending == null) {
            return;
        }
        if (readingPaused.getAsBoolean()) {
            received();
        }
        long silent = silentForMillis();
        if (silent >= limitMillis) {
            pending = null;
            onTimeout.run();
        } else {
            pending = executor.schedule(this::check, limitMillis - silent);
        }
    }
}
