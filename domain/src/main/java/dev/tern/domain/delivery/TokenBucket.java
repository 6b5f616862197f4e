package dev.tern.domain.delivery;

/**
 * A token bucket: {@code ratePerSecond} tokens a second, at most {@code burst} saved up. The
 * bucket starts full. Time arrives as an argument, in milliseconds; nothing is allocated. Kept in
 * thousandths of a token, so that a rate in tokens per second adds a whole number each millisecond.
 *
 * <p>Threading: not thread-safe; owned by the session's executor.
 */
public final class TokenBucket {

    private static final long TOKEN = 1000;

    private final long ratePerSecond;
    private final long capacity;
    private long milliTokens;
    private long lastMillis;

    public TokenBucket(int ratePerSecond, int burst, long nowMillis) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be positive: " + burst);
        }
        this.ratePerSecond = ratePerSecond;
        this.capacity = burst * TOKEN;
        this.milliTokens = capacity;
        this.lastMillis = nowMillis;
    }

    /** Takes one token if there is one. */
    public boolean tryTake(long nowMillis) {
        refill(nowMillis);
        if (milliTokens >= TOKEN) {
            milliTokens -= TOKEN;
            return true;
        }
        return false;
    }

    /** Milliseconds until the next token: 0 when there is one now. */
    public long millisUntilNext(long nowMillis) {
        refill(nowMillis);
        long missing = TOKEN - milliTokens;
        return missing <= 0 ? 0 : (missing + ratePerSecond - 1) / ratePerSecond;
    }

    private void refill(long nowMillis) {
        if (nowMillis > lastMillis) {
            // Bounded first, so that a long idle time cannot overflow the product.
            long elapsed = Math.min(nowMillis - lastMillis, capacity);
            milliTokens = Math.min(capacity, milliTokens + elapsed * ratePerSecond);
            lastMillis = nowMillis;
        }
    }
}
