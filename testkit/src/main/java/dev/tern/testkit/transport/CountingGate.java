package dev.tern.testkit.transport;

import dev.tern.application.port.in.Admission;
import dev.tern.application.port.in.ListenerGate;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ListenerGate} for transport tests: admits up to {@code capacity} connections open at
 * once and refuses the rest, counts what it admitted, refused and got back, and asks for a fixed
 * pause after every accept beyond the first {@code unpaused} ones.
 *
 * <p>Threading: thread-safe.
 */
public final class CountingGate implements ListenerGate {

    private final int capacity;
    private final int unpaused;
    private final long pauseNanos;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();
    private final AtomicInteger accepts = new AtomicInteger();

    private CountingGate(int capacity, int unpaused, long pauseNanos) {
        this.capacity = capacity;
        this.unpaused = unpaused;
        this.pauseNanos = pauseNanos;
    }

    /** At most {@code capacity} open connections, never a pause. */
    public static CountingGate admitting(int capacity) {
        return new CountingGate(capacity, Integer.MAX_VALUE, 0);
    }

    /** Admits everything, and asks for {@code pauseNanos} after each accept beyond the first {@code unpaused}. */
    public static CountingGate pausing(int unpaused, long pauseNanos) {
        return new CountingGate(Integer.MAX_VALUE, unpaused, pauseNanos);
    }

    @Override
    public Admission admit(SocketAddress remote) {
        while (true) {
            int now = open.get();
            if (now >= capacity) {
                refused.incrementAndGet();
                return new Admission.Refused(Admission.Limit.LISTENER);
            }
            if (open.compareAndSet(now, now + 1)) {
                admitted.incrementAndGet();
                AtomicBoolean done = new AtomicBoolean();
                return new Admission.Admitted(() -> {
                    if (done.compareAndSet(false, true)) {
                        open.decrementAndGet();
                        released.incrementAndGet();
                    }
                });
            }
        }
    }

    @Override
    public long acceptPauseNanos() {
        return accepts.incrementAndGet() > unpaused ? pauseNanos : 0;
    }

    public int admitted() {
        return admitted.get();
    }

    public int refused() {
        return refused.get();
    }

    public int released() {
        return released.get();
    }

    /** Accepts counted by {@link #acceptPauseNanos()}. */
    public int accepts() {
        return accepts.get();
    }
}
