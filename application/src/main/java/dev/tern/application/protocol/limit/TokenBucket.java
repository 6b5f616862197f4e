package dev.tern.application.protocol.limit;

/**
 * A token bucket: {@code ratePerSecond} tokens flow in, up to {@code capacity}, and each message
 * (or byte) takes one. It may go into debt: {@link #take} always takes and says how long until the
 * debt is repaid, so that a connection paused for that long keeps to the rate on average, even when
 * one read brought several packets or one packet was larger than the bucket.
 *
 * <p>Time is passed in (monotonic nanoseconds), never read here.
 *
 * <p>Threading: not thread-safe; used only on its connection's thread, so it needs no lock.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double tokensPerNano;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    /** Starts full. */
    public TokenBucket(long ratePerSecond, long capacity, long nowNanos) {
        if (ratePerSecond <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("rate and capacity must be positive: " + ratePerSecond + ", " + capacity);
        }
        this.tokensPerNano = ratePerSecond / NANOS_PER_SECOND;
        this.capacity = capacity;
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    /**
     * Takes {@code amount} tokens, into debt if need be; returns the nanoseconds until the bucket
     * is out of debt again, 0 when it is not in debt.
     */
    public long take(long amount, long nowNanos) {
        refill(nowNanos);
        tokens -= amount;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano);
    }

    /**
     * Whether the bucket holds {@code amount} tokens, taking none; an amount above the capacity
     * needs a full bucket (and {@link #take} then leaves it in debt).
     */
    public boolean holds(long amount, long nowNanos) {
        refill(nowNanos);
        return tokens >= Math.min(amount, capacity);
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = nowNanos;
        }
    }
}
