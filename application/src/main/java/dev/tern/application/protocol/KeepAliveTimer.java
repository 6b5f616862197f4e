package dev.tern.application.protocol;

import java.util.function.BooleanSupplier;

/**
 * Closes a connection that is silent for one and a half times its keep alive [MQTT-3.1.2-24].
 * Receiving only records the time; the executor's {@link KeepAliveWheel} looks at the deadline
 * when it falls due and either closes the connection or moves the timer on to the new deadline,
 * so a busy connection costs no timer operation per packet and no connection has a scheduled task
 * of its own. While the broker itself is not reading from the connection (a rate limit or overload
 * protection paused it) the silence is the broker's doing: it does not count, and the connection
 * calls {@link #received()} when reading resumes, so the client gets a whole period from then.
 *
 * <p>Made only for a connection whose keep alive is not 0 [MQTT-3.1.2-23]; it is also the wheel's
 * list node, so a watched connection costs this one object.
 *
 * <p>Threading: confined to the connection's executor, which is the wheel's.
 */
final class KeepAliveTimer {

    private final KeepAliveWheel wheel;
    private final Runnable onTimeout;
    private final BooleanSupplier readingPaused;
    private final long limitMillis;
    private long lastReceivedMillis;
    // The wheel's bookkeeping: which bucket and tick, and the neighbours in the bucket's list.
    long dueTick;
    int bucket;
    boolean inWheel;
    KeepAliveTimer prev;
    KeepAliveTimer next;

    /** Starts watching at once: the silence counts from now. */
    KeepAliveTimer(KeepAliveWheel wheel, int keepAliveSeconds, Runnable onTimeout, BooleanSupplier readingPaused) {
        if (keepAliveSeconds < 1) {
            throw new IllegalArgumentException("a keep alive of 0 is not watched: " + keepAliveSeconds);
        }
        this.wheel = wheel;
        this.onTimeout = onTimeout;
        this.readingPaused = readingPaused;
        this.limitMillis = keepAliveSeconds * 1500L;
        this.lastReceivedMillis = wheel.clock().millis();
        wheel.add(this);
    }

    void received() {
        lastReceivedMillis = wheel.clock().millis();
    }

    long silentForMillis() {
        return wheel.clock().millis() - lastReceivedMillis;
    }

    void stop() {
        wheel.remove(this);
    }

    long deadlineMillis() {
        return lastReceivedMillis + limitMillis;
    }

    /** Called by the wheel when the deadline's tick has come: whether the silence reached the limit. */
    boolean expired(long nowMillis) {
        if (readingPaused.getAsBoolean()) {
            lastReceivedMillis = nowMillis;
        }
        return nowMillis - lastReceivedMillis >= limitMillis;
    }

    /** Called by the wheel once the timer left it for good. */
    void fire() {
        onTimeout.run();
    }
}
