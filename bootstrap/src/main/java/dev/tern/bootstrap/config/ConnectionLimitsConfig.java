package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The broker-wide connection limits ({@code limits.connections.*}), met at accept by every
 * listener before any TLS or MQTT work; each listener adds its own {@code max-connections} and
 * {@code max-connections-per-second}.
 *
 * @param max           network connections open at once across all listeners: {@code auto} (below the
 *                      process's file descriptor limit, see {@link #resolvedMax}), {@code 0} for no
 *                      limit, or a number
 * @param maxPerAddress network connections open at once from one source address; 0 = no limit. Off by
 *                      default: clients behind one NAT (a mobile carrier, an office) share an address,
 *                      and so do benchmarks and tests on loopback
 */
public record ConnectionLimitsConfig(
        @Setting(defaultValue = AUTO, description = "network connections open at once across all listeners;"
                + " auto = the process's file descriptor limit less a twentieth (at least 100) for files and"
                + " storage, 0 = no limit")
        String max,
        @Setting(defaultValue = "0", min = 0, max = Integer.MAX_VALUE,
                description = "network connections open at once from one source address; 0 = no limit")
        int maxPerAddress) {

    public static final String AUTO = "auto";
    /** File descriptors kept for what is not a client connection: at least this many. */
    static final int MIN_RESERVE = 100;

    public ConnectionLimitsConfig {
        Objects.requireNonNull(max, "max");
        max = max.strip();
        if (!max.equals(AUTO)) {
            int parsed;
            try {
                parsed = Integer.parseInt(max);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("max must be auto, 0 (no limit) or a positive number: " + max);
            }
            if (parsed < 0) {
                throw new IllegalArgumentException("max must be auto, 0 (no limit) or a positive number: " + max);
            }
        }
    }

    /**
     * The broker-wide maximum in force, 0 for none. {@code auto} keeps a twentieth of the file
     * descriptor limit (at least {@value #MIN_RESERVE}) for storage, log and plug-in files, the
     * admin listener and the JVM (a started broker with the default listeners holds about 35), so
     * that a flood of clients is refused at accept instead of
     * making the broker fail to open a file or accept at all; with no limit known (not a Unix
     * JVM), {@code auto} means none.
     *
     * @param fileDescriptorLimit the process's open file limit, when known
     */
    public int resolvedMax(OptionalInt fileDescriptorLimit) {
        if (!max.equals(AUTO)) {
            return Integer.parseInt(max);
        }
        if (fileDescriptorLimit.isEmpty()) {
            return 0;
        }
        int limit = fileDescriptorLimit.getAsInt();
        return Math.max(1, limit - Math.max(MIN_RESERVE, limit / 20));
    }
}
