package dev.tern.application.service;

import dev.tern.application.event.BrokerEvents;
import dev.tern.application.event.EventReasons;
import dev.tern.application.logging.LogThrottle;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.domain.message.ApplicationMessage;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a message is not delivered to a client, so that no drop is silent: it is
 * counted in {@link DeliveryCounters}, the event listeners are told, and a drop for a full queue
 * is logged. That log is throttled, since a client that stops reading can overflow its queue with
 * every message: the first drop is logged, the drops of the next minute are only counted, and the
 * first drop after that minute is logged with how many there were and since when. A count is
 * thus logged with the next queue-full drop after its minute, whenever that comes; the exact
 * totals are always in the counters.
 *
 * <p>Threading: thread-safe; called inside the tasks of many sessions' executors at once.
 */
public final class DeliveryDrops {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDrops.class);
    static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private final DeliveryCounters counters;
    private final BrokerEvents events;
    private final Clock clock;
    private final LogThrottle queueFullLog;

    public DeliveryDrops(DeliveryCounters counters, BrokerEvents events, Clock clock) {
        this.counters = counters;
        this.events = events;
        this.clock = clock;
        this.queueFullLog = new LogThrottle(clock, LOG_INTERVAL);
    }

    /** The session's queue overflowed; {@code policy} names the overflow policy that chose {@code dropped}. */
    void queueFull(String clientId, ApplicationMessage dropped, String policy) {
        counters.droppedQueueFull();
        emit(clientId, dropped, EventReasons.QUEUE_FULL);
        LogThrottle.Admitted admitted = queueFullLog.admit();
        if (admitted == null) {
            return;
        }
        if (admitted.hasUnlogged()) {
            LOG.warn("{}: queue full, dropped a message on {} ({} policy); {} more dropped for full queues since {}",
                    clientId, dropped.topic().value(), policy, admitted.count(), admitted.since());
        } else {
            LOG.warn("{}: queue full, dropped a message on {} ({} policy)", clientId, dropped.topic().value(), policy);
        }
    }

    /** QoS 0 for an offline client that is not configured to queue it. */
    void offlineQos0(String clientId, ApplicationMessage message) {
        counters.droppedQos0Offline();
        emit(clientId, message, EventReasons.OFFLINE_QOS0);
    }

    void expired(String clientId, ApplicationMessage message) {
        counters.droppedExpired();
        emit(clientId, message, EventReasons.EXPIRED);
    }

    /**
     * The client may not read the topic: a denied topic its wildcard subscription reaches, or rights
     * withdrawn after it subscribed (an edited ACL).
     */
    void notAuthorized(String clientId, ApplicationMessage message) {
        counters.droppedNotAuthorized();
        emit(clientId, message, EventReasons.NOT_AUTHORIZED);
        LOG.debug("{}: may not read {}, message withheld", clientId, message.topic().value());
    }

    /** Above {@code limits.delivery.rate}, for a session that ends at disconnect (nothing to keep it for). */
    void rateLimited(String clientId, ApplicationMessage message) {
        counters.droppedRateLimited();
        emit(clientId, message, EventReasons.DELIVERY_RATE_LIMITED);
    }

    /** Above the client's Maximum Packet Size. */
    void tooLarge(String clientId, ApplicationMessage message) {
        counters.droppedTooLarge();
        emit(clientId, message, EventReasons.TOO_LARGE);
    }

    /** A published message, not retained, that matched no subscription: counted only. */
    void noSubscriber() {
        counters.noSubscriber();
    }

    private void emit(String clientId, ApplicationMessage message, String reason) {
        if (events.messageEventsEnabled()) {
            events.emit(new BrokerEvent.MessageDropped(clock.instant(), clientId, message.topic().value(), reason));
        }
    }
}
