package dev.tern.application.protocol.limit;

/**
 * One client's inbound limits: PUBLISH packets per second and PUBLISH payload bytes per second,
 * each 0 for no limit. A bucket holds one second's worth, so a client may burst that much at once.
 */
public record RateLimit(long messagesPerSecond, long bytesPerSecond) {

    public static final RateLimit UNLIMITED = new RateLimit(0, 0);

    public RateLimit {
        if (messagesPerSecond < 0 || bytesPerSecond < 0) {
            throw new IllegalArgumentException("rates must be 0 (no limit) or positive: "
                    + messagesPerSecond + ", " + bytesPerSecond);
        }
    }

    public boolean unlimited() {
        return messagesPerSecond == 0 && bytesPerSecond == 0;
    }

    /** As in configuration: {@code <messages>/<bytes>}. */
    @Override
    public String toString() {
        return messagesPerSecond + "/" + bytesPerSecond;
    }
}
