package dev.tern.adapters.websocket;

/**
 * Pending-byte thresholds of one connection: unwritable above {@code high}, writable again at or
 * below {@code low}. The gap keeps a connection near the limit from flapping.
 *
 * <p>Threading: immutable.
 */
record WaterMarks(long low, long high) {

    WaterMarks {
        if (low <= 0 || high < low) {
            throw new IllegalArgumentException("water marks need 0 < low <= high, got low=" + low + " high=" + high);
        }
    }

    boolean aboveHigh(long pending) {
        return pending > high;
    }

    boolean belowLow(long pending) {
        return pending <= low;
    }
}
