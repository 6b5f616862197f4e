package dev.tern.application.cluster;

import dev.tern.application.logging.LogThrottle;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.service.PublishService;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.PendingAck;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the messages other nodes forward here to this node's own subscriptions ({@link
 * PublishService#publishForwarded}): subscription identifiers, No Local and Retain As Published are
 * this node's. A durable message is settled once every copy this node must keep is stored (queued
 * or in flight for each persistent session), so that it leaves the backend only once it is safe
 * here; if a store write fails it stays unsettled and comes again when this node (or its adopter)
 * receives next. A message whose id was seen recently is not routed again, and a session whose
 * stored forward receipts hold its id (it took its copy before a crash) does not take it again:
 * each copy is stored with its receipt, so QoS 2 stays exactly once across a crash too.
 *
 * <p>Threading: called on the backend's receiving threads; never blocks: deliveries hop to the
 * sessions' executors and settling runs on {@code settleExecutor} (the cluster executor).
 */
public final class ForwardedDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardedDelivery.class);

    private final PublishService publisher;
    private final SeenMessageIds seen;
    private final SessionRegistry sessions;
    private final Executor settleExecutor;
    private final LogThrottle failureLog;

    /** @param sessions where a session's forward receipts are looked up ({@link ClientSession#tookForward}) */
    public ForwardedDelivery(PublishService publisher, SeenMessageIds seen, SessionRegistry sessions,
            Executor settleExecutor, Clock clock) {
        this.publisher = publisher;
        this.seen = seen;
        this.sessions = sessions;
        this.settleExecutor = settleExecutor;
        this.failureLog = new LogThrottle(clock, Duration.ofMinutes(1));
    }

    public void receive(ForwardedMessage forwarded, Runnable settled) {
        receive(forwarded, null, null, settled);
    }

    /**
     * As {@link #receive(ForwardedMessage, Runnable)}, to the non-shared subscriptions of the
     * sessions {@code takes} accepts only (null: every one): a session handed over here that got
     * this id already, relayed by its previous node, does not get it again. Once routed here, the
     * message is also relayed for the sessions this node handed over moments ago ({@code relay},
     * or null), and settled only once those relays are safe as well.
     */
    void receive(ForwardedMessage forwarded, Predicate<String> takes, HandoverRelay relay, Runnable settled) {
        String id = forwarded.id();
        switch (seen.firstSight(id)) {
            case SEEN -> {
                // The first copy is still being stored: it settles the message.
                return;
            }
            case SEEN_SETTLED -> {
                settleExecutor.execute(settled);
                return;
            }
            case NEW -> { }
        }
        Predicate<String> notTaken = notTakenBefore(id);
        route(forwarded, takes == null ? notTaken : notTaken.and(takes), relay, settled);
    }

    /**
     * A message drained from a departed node's inbox: routed, for non-shared subscriptions, only
     * to the sessions {@code held} names (the departed node's sessions now here, each with the
     * {@link #mark} taken when it came here), and to each only if it did not get the message
     * directly: this node did not see the message's id since that session came; a shared group it
     * was chosen for takes it as from any forward. Not remembered as seen: other sessions here may
     * still be due a direct copy. A session whose forward receipts hold the message already is
     * skipped, and {@code heldAlready} told once for the message. Returns the number of sessions it went to.
     */
    int receiveDrained(ForwardedMessage forwarded, Map<String, Long> held, Runnable heldAlready, Runnable settled) {
        String id = forwarded.id();
        long sight = seen.sightOf(id);
        Predicate<String> notTaken = notTakenBefore(id);
        boolean[] skipped = {false};
        int receivers = route(forwarded, clientId -> {
            Long since = held.get(clientId);
            if (since == null || sight >= 0 && sight >= since) {
                return false;
            }
            if (notTaken.test(clientId)) {
                return true;
            }
            skipped[0] = true;
            return false;
        }, null, settled);
        if (skipped[0]) {
            heldAlready.run();
        }
        return receivers;
    }

    /**
     * Takes the sessions that did not take a copy of {@code id} before they were loaded here: a
     * session's copy is stored with its forward receipt in one write, so after a crash between
     * that write and the settle the message comes again (the inbox re-read after a restart, or
     * drained by the adopter) to a session that holds it already, whose receipts were loaded with
     * it ({@link ClientSession#restoreForwardReceipts}). Looked up once per matching session.
     */
    private Predicate<String> notTakenBefore(String id) {
        return clientId -> {
            ClientSession session = sessions.get(clientId);
            return session == null || !session.tookForward(id);
        };
    }

    /** Every id this node sees from now on is newer than this mark. */
    long mark() {
        return seen.mark();
    }

    /** When this node first saw {@code id}, as a mark; -1 if it did not (or forgot). */
    long sightOf(String id) {
        return seen.sightOf(id);
    }

    /**
     * @param relay what relays the message for the sessions handed over moments ago, asked only
     *              after the message was handed to this node's own sessions: a session that leaves
     *              meanwhile is reached one way or the other (HandoverRelay#relayForwarded); null
     *              for a drained message, which is not this node's copy of its id and is not relayed
     */
    private int route(ForwardedMessage forwarded, Predicate<String> takes, HandoverRelay relay, Runnable settled) {
        String id = forwarded.id();
        boolean drained = relay == null;
        ApplicationMessage message = forwarded.message();
        if (message.qos() == Qos.AT_MOST_ONCE) {
            int receivers = publisher.publishForwarded(message, forwarded.plain(), forwarded.sharedGroups(), takes,
                    null);
            if (!drained) {
                relay.relayForwarded(forwarded, null);
                seen.settled(id);
            }
            settled.run();
            return receivers;
        }
        PendingAck ack = new PendingAck(settleExecutor, stored -> {
            if (stored) {
                if (!drained) {
                    seen.settled(id);
                }
                settled.run();
            } else {
                notStored(id);
            }
        }, id);
        int receivers = publisher.publishForwarded(message, forwarded.plain(), forwarded.sharedGroups(), takes, ack);
        if (!drained) {
            relay.relayForwarded(forwarded, ack);
        }
        ack.release();
        return receivers;
    }

    private void notStored(String id) {
        LogThrottle.Admitted admitted = failureLog.admit();
        if (admitted != null) {
            LOG.warn("forwarded message {} could not be stored here; left unsettled for the next receive{}", id,
                    admitted.hasUnlogged() ? "; " + admitted.count() + " more since " + admitted.since() : "");
        }
    }
}
