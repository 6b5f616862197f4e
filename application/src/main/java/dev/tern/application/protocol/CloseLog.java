package dev.tern.application.protocol;

import dev.tern.application.event.EventReasons;
import dev.tern.application.logging.LogThrottle;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines of connections the broker closes, one per broker: a connection that sent no
 * CONNECT in time, one closed for a protocol error, over its rate limit or silent past its keep
 * alive. Each kind is throttled as {@link LogThrottle} does, since an attack makes thousands of
 * them (every slowloris socket times out): the first is logged, the next after {@link #INTERVAL}
 * with how many were not. The exact numbers are in the metrics and the disconnect events.
 *
 * <p>Threading: shared by every connection and called on each connection's own thread;
 * thread-safe and lock-free.
 */
final class CloseLog {

    private static final Logger LOG = LoggerFactory.getLogger(CloseLog.class);
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final LogThrottle connectTimeouts;
    private final LogThrottle protocolErrors;
    private final LogThrottle rateLimits;
    private final LogThrottle keepAliveTimeouts;

    CloseLog(Clock clock) {
        this.connectTimeouts = new LogThrottle(clock, INTERVAL);
        this.protocolErrors = new LogThrottle(clock, INTERVAL);
        this.rateLimits = new LogThrottle(clock, INTERVAL);
        this.keepAliveTimeouts = new LogThrottle(clock, INTERVAL);
    }

    void connectTimedOut(String remoteAddress, long timeoutMillis) {
        LogThrottle.Admitted admitted = connectTimeouts.admit();
        if (admitted != null) {
            LOG.info("{}: no CONNECT within {} ms, closing{}", remoteAddress, timeoutMillis,
                    unlogged(admitted, "closed without a CONNECT"));
        }
    }

    /**
     * A connection closed by the broker for {@code reason}; {@code eventReason}, as reported to the
     * event listeners, tells which kind of close it is.
     */
    void closing(String clientId, String remoteAddress, String reason, String eventReason) {
        String client = clientId.isEmpty() ? "-" : clientId;
        if (eventReason.startsWith(EventReasons.PROTOCOL_ERROR)) {
            warn(protocolErrors, "{}: closing {} for a protocol error: {}{}", client, remoteAddress, reason,
                    "closed for protocol errors");
        } else if (eventReason.equals(EventReasons.RATE_LIMITED)) {
            warn(rateLimits, "{}: closing {}: {}{}", client, remoteAddress, reason,
                    "closed over their rate limits");
        } else if (eventReason.equals(EventReasons.KEEP_ALIVE_TIMEOUT)) {
            warn(keepAliveTimeouts, "{}: closing {}: {}{}", client, remoteAddress, reason,
                    "closed for keep alive timeouts");
        } else {
            // Not the client's doing (a store write failed) and rare: every one is logged.
            LOG.warn("{}: closing {}: {}", client, remoteAddress, reason);
        }
    }

    private static void warn(LogThrottle throttle, String format, String client, String remoteAddress, String reason,
            String closedFor) {
        LogThrottle.Admitted admitted = throttle.admit();
        if (admitted != null) {
            LOG.warn(format, client, remoteAddress, reason, unlogged(admitted, closedFor));
        }
    }

    private static String unlogged(LogThrottle.Admitted admitted, String closedFor) {
        return admitted.hasUnlogged()
                ? "; " + admitted.count() + " more connections " + closedFor + " since " + admitted.since()
                : "";
    }
}
