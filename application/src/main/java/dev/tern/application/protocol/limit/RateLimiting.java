package dev.tern.application.protocol.limit;

import dev.tern.application.port.out.TaskExecutor;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The broker-wide side of rate limiting: the policy, the monotonic clock the buckets refill from,
 * and the meters; it gives each connecting client its {@link InboundRateLimiter}.
 *
 * <p>Threading: immutable, thread-safe; {@link #limiterFor} runs on the connecting client's thread.
 */
public final class RateLimiting {

    /** Limits nobody. */
    public static final RateLimiting NONE = new RateLimiting(RateLimitPolicy.NONE, () -> 0, RateLimitMeters.NONE);

    private final RateLimitPolicy policy;
    private final LongSupplier nanoClock;
    private final RateLimitMeters meters;
    /** Decided once: asking the policy streams over its rules, garbage on every connect. */
    private final boolean limitsNobody;

    /** @param nanoClock monotonic nanoseconds ({@code System::nanoTime} in production) */
    public RateLimiting(RateLimitPolicy policy, LongSupplier nanoClock, RateLimitMeters meters) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.limitsNobody = policy.limitsNobody();
    }

    /**
     * The limiter of a client that has just been accepted, its rules resolved once, here; null
     * when the client has no limit, so that its PUBLISHes cost not even a check.
     *
     * @param executor the connection's thread, where resume timers run
     * @param username null for a client without one
     */
    public InboundRateLimiter limiterFor(ReadGate gate, TaskExecutor executor, String listener, String username,
            String clientId) {
        if (limitsNobody) {
            return null;
        }
        RateLimit limit = policy.resolve(listener, username, clientId);
        return limit.unlimited() ? null
                : new InboundRateLimiter(limit, policy.overLimit(), gate, executor, nanoClock, meters);
    }

    public RateLimitMeters meters() {
        return meters;
    }
}
