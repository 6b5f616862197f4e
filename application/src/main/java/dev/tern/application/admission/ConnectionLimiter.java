package dev.tern.application.admission;

import dev.tern.application.port.in.ConnectionAdmission;
import dev.tern.application.port.in.ListenerGate;
import dev.tern.application.port.in.ListenerLimits;
import dev.tern.application.port.out.MetricsRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The broker's connection limits: one count of open connections across every listener (for
 * {@code limits.connections.max}) and one per source address (for {@code
 * limits.connections.max-per-address}), shared by the {@link ListenerAdmission} of each listener,
 * which adds the listener's own limits. A connection is counted from the moment it is admitted at
 * accept until its transport releases it at close, MQTT CONNECT or not.
 *
 * <p>Threading: thread-safe and lock-free but for the per-address count (a {@link
 * java.util.concurrent.ConcurrentHashMap} update, per connection, never per message); {@link #gate}
 * is called while the listeners are built, the gates on every transport thread.
 */
public final class ConnectionLimiter implements ConnectionAdmission {

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final AddressCounts perAddress;
    private final MetricsRegistry metrics;
    private final Clock clock;
    private final LongSupplier nanoTime;

    /**
     * @param maxConnections connections open at once across all listeners; 0 = no limit
     * @param maxPerAddress connections open at once from one source address; 0 = no limit
     * @param clock for the throttled log lines
     * @param nanoTime a monotonic clock in nanoseconds, for the accept rates
     */
    public ConnectionLimiter(int maxConnections, int maxPerAddress, MetricsRegistry metrics, Clock clock,
            LongSupplier nanoTime) {
        if (maxConnections < 0 || maxPerAddress < 0) {
            throw new IllegalArgumentException("limits must be 0 (none) or positive: max " + maxConnections
                    + ", per address " + maxPerAddress);
        }
        this.maxConnections = maxConnections;
        this.perAddress = new AddressCounts(maxPerAddress);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        metrics.gauge("tern_connections_max", "limits.connections.max: network connections the broker holds at once;"
                + " 0 = no limit", () -> maxConnections);
    }

    @Override
    public ListenerGate gate(String listenerName, ListenerLimits limits) {
        Objects.requireNonNull(listenerName, "listenerName");
        Objects.requireNonNull(limits, "limits");
        AcceptRate rate = limits.maxConnectionsPerSecond() == 0 ? null
                : new AcceptRate(limits.maxConnectionsPerSecond(), nanoTime);
        return new ListenerAdmission(listenerName, limits.maxConnections(), this, rate,
                new AdmissionMeters(listenerName, metrics), new RefusalLog(listenerName, limits, clock));
    }

    /** Takes a place in the broker-wide count; false when it is full. */
    boolean takeBrokerPlace() {
        return Counts.tryIncrement(open, maxConnections);
    }

    void releaseBrokerPlace() {
        open.decrementAndGet();
    }

    AddressCounts perAddress() {
        return perAddress;
    }

    int maxConnections() {
        return maxConnections;
    }

    /** Connections open now across every listener that uses the limits: for tests. */
    int open() {
        return open.get();
    }
}
