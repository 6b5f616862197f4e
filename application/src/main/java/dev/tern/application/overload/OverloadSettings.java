package dev.tern.application.overload;

/**
 * When overload protection engages and lets go.
 *
 * @param heapHighPercent    live heap (after collection), in percent of the maximum, at which it engages
 * @param heapLowPercent     live heap below which it may let go
 * @param backlogHigh        store writes not yet committed at which it engages; 0 = never for the backlog
 * @param backlogLow         backlog below which it may let go
 * @param checkIntervalMillis how often heap and backlog are read
 */
public record OverloadSettings(int heapHighPercent, int heapLowPercent, long backlogHigh, long backlogLow,
        long checkIntervalMillis) {

    public OverloadSettings {
        if (heapHighPercent < 1 || heapHighPercent > 100 || heapLowPercent < 0 || heapLowPercent >= heapHighPercent) {
            throw new IllegalArgumentException("heap marks must satisfy 0 <= low < high <= 100: "
                    + heapLowPercent + ", " + heapHighPercent);
        }
        if (backlogHigh < 0 || backlogLow < 0 || (backlogHigh > 0 && backlogLow >= backlogHigh)) {
            throw new IllegalArgumentException("backlog marks must satisfy 0 <= low < high: "
                    + backlogLow + ", " + backlogHigh);
        }
        if (checkIntervalMillis < 1) {
            throw new IllegalArgumentException("checkIntervalMillis must be positive: " + checkIntervalMillis);
        }
    }
}
