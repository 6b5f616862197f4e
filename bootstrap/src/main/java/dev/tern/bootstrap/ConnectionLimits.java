package dev.tern.bootstrap;

import dev.tern.application.admission.ConnectionLimiter;
import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.bootstrap.config.ConnectionLimitsConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Clock;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the broker's {@link ConnectionLimiter} from {@code limits.connections.*}, resolving
 * {@code auto} against the process's open file limit, read once at start.
 *
 * <p>Threading: used once, on the starting thread.
 */
final class ConnectionLimits {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);

    private ConnectionLimits() {
    }

    static ConnectionLimiter create(ConnectionLimitsConfig config, MetricsRegistry metrics, Clock clock) {
        OptionalInt descriptors = fileDescriptorLimit();
        int max = config.resolvedMax(descriptors);
        if (max == 0) {
            LOG.info("No broker-wide connection limit (limits.connections.max={})", config.max());
        } else if (descriptors.isPresent() && config.max().equals(ConnectionLimitsConfig.AUTO)) {
            LOG.info("At most {} network connections (limits.connections.max=auto, {} file descriptors)", max,
                    descriptors.getAsInt());
        } else {
            LOG.info("At most {} network connections (limits.connections.max)", max);
        }
        return new ConnectionLimiter(max, config.maxPerAddress(), metrics, clock, System::nanoTime);
    }

    /** The open file limit of this process (its soft limit, as the JVM raised it), when the platform says. */
    static OptionalInt fileDescriptorLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long max = unix.getMaxFileDescriptorCount();
            if (max > 0) {
                return OptionalInt.of((int) Math.min(max, Integer.MAX_VALUE));
            }
        }
        return OptionalInt.empty();
    }
}
