package dev.tern.bootstrap.config;

import dev.tern.application.overload.OverloadSettings;
import dev.tern.application.port.plugin.Setting;

/**
 * Overload protection: the {@code overload.*} settings. The heap marks apply to live heap (what the
 * last garbage collection kept), so an ordinary young generation full of garbage never trips them.
 *
 * @param enabled             whether the monitor runs
 * @param heapHighPercent     live heap, in percent of the maximum, at which publishers are paused
 * @param heapLowPercent      live heap below which they are read from again
 * @param storageBacklogHigh  store writes waiting for the storage writer at which publishers are paused; 0 = never
 * @param storageBacklogLow   backlog below which they are read from again
 * @param checkIntervalMillis how often heap and backlog are read
 */
public record OverloadConfig(
        @Setting(defaultValue = "true", description = "whether overload protection runs")
        boolean enabled,
        @Setting(defaultValue = "85", min = 1, max = 100,
                description = "live heap (after GC), in % of the maximum, at which publishers stop being read")
        int heapHighPercent,
        @Setting(defaultValue = "70", min = 0, max = 99,
                description = "live heap, in % of the maximum, below which publishers are read again")
        int heapLowPercent,
        @Setting(defaultValue = "100000", min = 0, max = Long.MAX_VALUE,
                description = "store writes waiting for the storage writer at which publishers stop being read; 0 = never")
        long storageBacklogHigh,
        @Setting(defaultValue = "50000", min = 0, max = Long.MAX_VALUE,
                description = "storage backlog below which publishers are read again")
        long storageBacklogLow,
        @Setting(defaultValue = "100", min = 10, max = 60_000,
                description = "milliseconds between two readings of heap and storage backlog")
        int checkIntervalMillis) {

    public OverloadConfig {
        settings(heapHighPercent, heapLowPercent, storageBacklogHigh, storageBacklogLow, checkIntervalMillis);
    }

    /** The monitor's settings. */
    public OverloadSettings settings() {
        return settings(heapHighPercent, heapLowPercent, storageBacklogHigh, storageBacklogLow, checkIntervalMillis);
    }

    private static OverloadSettings settings(int heapHigh, int heapLow, long backlogHigh, long backlogLow,
            int interval) {
        return new OverloadSettings(heapHigh, heapLow, backlogHigh, backlogLow, interval);
    }
}
