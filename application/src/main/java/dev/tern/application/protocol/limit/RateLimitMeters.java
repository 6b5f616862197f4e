package dev.tern.application.protocol.limit;

import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.port.out.MetricsRegistry.Counter;
import java.util.Objects;

/**
 * How often clients hit their rate limits: {@code tern_rate_limited{action=...}} counts pauses of a
 * connection's reading, QoS 1/2 PUBLISHes refused, and QoS 0 PUBLISHes dropped.
 *
 * <p>Threading: thread-safe; counting is an adder increment on the connections' threads.
 */
public final class RateLimitMeters {

    public static final RateLimitMeters NONE = new RateLimitMeters(MetricsRegistry.NONE);

    private final Counter paused;
    private final Counter refused;
    private final Counter dropped;

    public RateLimitMeters(MetricsRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        String help = "clients over their rate limit: reading paused, QoS 1/2 PUBLISH refused, QoS 0 PUBLISH dropped";
        paused = registry.counter("tern_rate_limited", help, "action", "paused");
        refused = registry.counter("tern_rate_limited", help, "action", "refused");
        dropped = registry.counter("tern_rate_limited", help, "action", "dropped");
    }

    void paused() {
        paused.increment();
    }

    /** A PUBLISH over the limit was refused ({@code qos} 1 or 2) or dropped (QoS 0). */
    public void refused(int qos) {
        (qos == 0 ? dropped : refused).increment();
    }
}
