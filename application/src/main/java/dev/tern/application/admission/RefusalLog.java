package dev.tern.application.admission;

import dev.tern.application.logging.LogThrottle;
import dev.tern.application.port.in.Admission.Limit;
import dev.tern.application.port.in.ListenerLimits;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines of one listener's limits, throttled per limit as {@link LogThrottle} does: the
 * first refusal is logged at WARN, those of the next minute are only counted, and the first after
 * that minute is logged with their number. A flood of connections thus costs a line a minute,
 * while the exact counts are in the meters. Pauses of accepting are logged the same way at INFO.
 *
 * <p>Threading: thread-safe.
 */
final class RefusalLog {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final String listenerName;
    private final ListenerLimits limits;
    private final LogThrottle[] refusals = new LogThrottle[Limit.values().length];
    private final LogThrottle pauses;

    RefusalLog(String listenerName, ListenerLimits limits, Clock clock) {
        this.listenerName = listenerName;
        this.limits = limits;
        for (Limit limit : Limit.values()) {
            refusals[limit.ordinal()] = new LogThrottle(clock, INTERVAL);
        }
        this.pauses = new LogThrottle(clock, INTERVAL);
    }

    void refused(Limit limit, SocketAddress remote, int max) {
        LogThrottle.Admitted admitted = refusals[limit.ordinal()].admit();
        if (admitted == null) {
            return;
        }
        String setting = switch (limit) {
            case BROKER -> "limits.connections.max";
            case LISTENER -> "listeners." + listenerName + ".max-connections";
            case ADDRESS -> "limits.connections.max-per-address";
        };
        if (admitted.hasUnlogged()) {
            LOG.warn("{}: refused a connection from {} at accept, {} ({}) reached; {} more refused so since {}",
                    listenerName, remote, setting, max, admitted.count(), admitted.since());
        } else {
            LOG.warn("{}: refused a connection from {} at accept, {} ({}) reached", listenerName, remote, setting,
                    max);
        }
    }

    void paused(long nanos) {
        LogThrottle.Admitted admitted = pauses.admit();
        if (admitted == null) {
            return;
        }
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
        if (admitted.hasUnlogged()) {
            LOG.info("{}: more than {} new connections per second, accepting paused for {} ms; {} more pauses since {}",
                    listenerName, limits.maxConnectionsPerSecond(), millis, admitted.count(), admitted.since());
        } else {
            LOG.info("{}: more than {} new connections per second, accepting paused for {} ms", listenerName,
                    limits.maxConnectionsPerSecond(), millis);
        }
    }
}
