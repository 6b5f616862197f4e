package dev.tern.application.service;

import dev.tern.application.port.out.InflightStore;
import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.port.out.SessionStore;
import dev.tern.application.port.out.StoredDelivery;
import dev.tern.application.port.out.StoredSession;
import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.StateRecorder;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OutboundFlow;
import dev.tern.domain.delivery.OutboundQueue;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.will.Will;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one client's persistent session back as the store left it: its subscriptions (in the
 * index), queue, in-flight flows and QoS 2 receipts (in a cluster also its forward receipts),
 * registered as a live session; or, when its
 * expiry passed meanwhile, deletes what the store held of it. Used for every session at start-up
 * ({@link SessionRestorer}) and for one session a cluster node takes over or adopts.
 *
 * <p>Threading: call it where blocking is allowed (start-up, a cluster thread), never on an event
 * loop; the session it restores is not reachable by other threads until it is registered, last.
 */
public final class StoredSessionLoader {

    private static final Logger LOG = LoggerFactory.getLogger(StoredSessionLoader.class);

    private final SessionStore sessionStore;
    private final SubscriptionStore subscriptionStore;
    private final MessageQueueStore queueStore;
    private final InflightStore inflightStore;
    private final SessionRegistry sessions;
    private final SubscriptionIndex index;
    private final StateRecorder recorder;
    private final SessionFactory sessionFactory;
    private final boolean forwardReceipts;

    /** A single node's: forward receipts are not read (there are none). */
    public StoredSessionLoader(SessionStore sessionStore, SubscriptionStore subscriptionStore,
            MessageQueueStore queueStore, InflightStore inflightStore, SessionRegistry sessions,
            SubscriptionIndex index, StateRecorder recorder, SessionFactory sessionFactory) {
        this(sessionStore, subscriptionStore, queueStore, inflightStore, sessions, index, recorder, sessionFactory,
                false);
    }

    /**
     * @param forwardReceipts true in a cluster: each restored session also gets the forward receipts
     *                        the store holds for it ({@link ClientSession#restoreForwardReceipts}), one
     *                        more read per session
     */
    public StoredSessionLoader(SessionStore sessionStore, SubscriptionStore subscriptionStore,
            MessageQueueStore queueStore, InflightStore inflightStore, SessionRegistry sessions,
            SubscriptionIndex index, StateRecorder recorder, SessionFactory sessionFactory, boolean forwardReceipts) {
        this.forwardReceipts = forwardReceipts;
        this.sessionStore = sessionStore;
        this.subscriptionStore = subscriptionStore;
        this.queueStore = queueStore;
        this.inflightStore = inflightStore;
        this.sessions = sessions;
        this.index = index;
        this.recorder = recorder;
        this.sessionFactory = sessionFactory;
    }

    /** What became of a stored session. */
    public sealed interface Outcome {
    }

    /**
     * Back and registered. {@code will} is the stored one, not armed: the caller decides when it
     * fires. {@code disconnectedAtMillis} is when its last connection ended (now for one stored
     * as connected: it lost its connection when its node did).
     */
    public record Restored(ClientSession session, Will will, long disconnectedAtMillis, boolean wasConnected,
            int subscriptions, int queued, int inflight) implements Outcome {
    }

    /** Its expiry had passed: deleted from the store; its will, if any, is due [MQTT-3.1.2-8]. */
    public record Expired(String clientId, Will will) implements Outcome {
    }

    /** The store held no session for the client. */
    public record Absent(String clientId) implements Outcome {
    }

    /** One client's session read from the store and restored, owned by {@code owner} until a connection attaches. */
    public Outcome load(String clientId, TaskExecutor owner, long nowMillis) {
        Optional<StoredSession> stored = sessionStore.load(clientId);
        if (stored.isEmpty()) {
            return new Absent(clientId);
        }
        return restore(stored.get(), subscriptionStore.load(clientId), queueStore.load(clientId), owner, nowMillis);
    }

    /** Restores a session whose record, subscriptions and queue are already read. */
    public Outcome restore(StoredSession stored, List<Subscription> subscriptions, List<StoredDelivery> queue,
            TaskExecutor owner, long nowMillis) {
        boolean wasConnected = stored.disconnectedAtMillis() == StoredSession.CONNECTED;
        long disconnectedAt = wasConnected ? nowMillis : stored.disconnectedAtMillis();
        if (!stored.expiry().never() && stored.expiry().expiresAtMillis(disconnectedAt) <= nowMillis) {
            delete(stored.clientId(), queue);
            return new Expired(stored.clientId(), stored.will());
        }
        ClientSession session = sessionFactory.newSession(stored.clientId(), stored.expiry(), owner);
        session.markRestored();
        for (Subscription s : subscriptions) {
            session.state().subscribe(s);
            index.subscribe(s.clientId(), s.filter(), s.options());
        }
        int inflight = 0;
        for (OutboundFlow flow : inflightStore.load(stored.clientId())) {
            if (session.state().inflight().restore(flow)) {
                inflight++;
            }
        }
        for (int packetId : inflightStore.loadReceipts(stored.clientId())) {
            session.state().inboundQos2().receive(packetId);
        }
        if (forwardReceipts) {
            session.restoreForwardReceipts(inflightStore.loadForwardReceipts(stored.clientId()));
        }
        int queued = restoreQueue(session, queue);
        if (wasConnected) {
            recorder.sessionSaved(new StoredSession(stored.clientId(), stored.expiry(), stored.will(), disconnectedAt));
        } else {
            recorder.restoredSession(stored.clientId());
        }
        sessions.getOrCreate(stored.clientId(), id -> session);
        return new Restored(session, stored.will(), disconnectedAt, wasConnected, subscriptions.size(), queued,
                inflight);
    }

    /**
     * Deletes everything the store holds for {@code clientId} (a clean start that found a session
     * stored by another node), returning the session record it deleted, if there was one.
     */
    public Optional<StoredSession> discard(String clientId) {
        Optional<StoredSession> stored = sessionStore.load(clientId);
        if (stored.isPresent()) {
            delete(clientId, queueStore.load(clientId));
        }
        return stored;
    }

    /**
     * Offers each stored delivery to the session's queue; one the queue drops (a smaller
     * {@code max-queued-messages} or {@code limits.session.max-queued-bytes} than when it was stored)
     * is dequeued, so that its row goes too.
     *
     * @return how many the queue took
     */
    private int restoreQueue(ClientSession session, List<StoredDelivery> queue) {
        int accepted = 0;
        int dropped = 0;
        for (StoredDelivery d : queue) {
            recorder.restoredQueued(session, d.delivery(), d.sequence());
            OutboundQueue sessionQueue = session.state().queue();
            OutboundQueue.Offer offer = sessionQueue.offer(d.delivery());
            if (offer.accepted()) {
                accepted++;
            }
            if (offer.dropped() != null) {
                recorder.dequeued(session, offer.dropped());
                dropped++;
            }
            for (Delivery old = sessionQueue.trimOldest(); old != null; old = sessionQueue.trimOldest()) {
                recorder.dequeued(session, old);
                dropped++;
            }
        }
        if (dropped > 0) {
            LOG.warn("{}: queue full at restore, dropped {} stored messages", session.clientId(), dropped);
        }
        return accepted;
    }

    /** Removes the queued rows one by one, by the sequences already loaded, rather than searching for them. */
    private void delete(String clientId, List<StoredDelivery> queue) {
        sessionStore.delete(clientId);
        subscriptionStore.deleteAll(clientId);
        for (StoredDelivery d : queue) {
            queueStore.remove(clientId, d.sequence());
        }
        inflightStore.deleteAll(clientId);
    }
}
