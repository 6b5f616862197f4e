package dev.tern.application.service;

import dev.tern.application.port.out.InflightStore;
import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.application.port.out.SessionStore;
import dev.tern.application.port.out.StoredDelivery;
import dev.tern.application.port.out.StoredSession;
import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.storage.StateRecorder;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SessionRegistry;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OutboundFlow;
import dev.tern.domain.delivery.OutboundQueue;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.subscription.Subscription;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the broker back as the store left it (after a stop or a crash): retained messages, and
 * every persistent session with its subscriptions, queue, in-flight flows and QoS 2 receipts.
 * Sessions and messages that expired while the broker was down are dropped by the time that passed;
 * the will of a session that ended so is published, as its end would have published it.
 *
 * <p>Threading: runs once, at start-up, before any listener accepts a connection.
 */
public final class SessionRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRestorer.class);

    private final SessionStore sessionStore;
    private final SubscriptionStore subscriptionStore;
    private final RetainedMessageStore retainedStore;
    private final MessageQueueStore queueStore;
    private final InflightStore inflightStore;
    private final SessionRegistry sessions;
    private final SubscriptionIndex index;
    private final RetainedMessages retained;
    private final StateRecorder recorder;
    private final SessionAttachService sessionAttach;
    private final Clock clock;
    private final TaskExecutor offlineOwner;

    public SessionRestorer(SessionStore sessionStore, SubscriptionStore subscriptionStore,
            RetainedMessageStore retainedStore, MessageQueueStore queueStore, InflightStore inflightStore,
            SessionRegistry sessions, SubscriptionIndex index, RetainedMessages retained, StateRecorder recorder,
            SessionAttachService sessionAttach, Clock clock, TaskExecutor offlineOwner) {
        this.sessionStore = sessionStore;
        this.subscriptionStore = subscriptionStore;
        this.retainedStore = retainedStore;
        this.queueStore = queueStore;
        this.inflightStore = inflightStore;
        this.sessions = sessions;
        this.index = index;
        this.retained = retained;
        this.recorder = recorder;
        this.sessionAttach = sessionAttach;
        this.clock = clock;
        this.offlineOwner = offlineOwner;
    }

    /** What was restored, for the start-up log and for tests. */
    public record Report(int sessions, int expiredSessions, int subscriptions, int queued, int inflight, int retained) {
    }

    public Report restore() {
        long now = clock.millis();
        int retainedCount = 0;
        for (ApplicationMessage message : retainedStore.loadAll()) {
            if (!message.isExpiredAt(now)) {
                retained.restore(message);
                retainedCount++;
            }
        }
        Map<String, List<Subscription>> subscriptionsByClient = new HashMap<>();
        for (Subscription s : subscriptionStore.loadAll()) {
            subscriptionsByClient.computeIfAbsent(s.clientId(), id -> new ArrayList<>()).add(s);
        }
        int restored = 0;
        int expired = 0;
        int subscriptionCount = 0;
        int queued = 0;
        int inflight = 0;
        // Wills and timers start once every session is back, so that a will due at once reaches
        // subscribers restored after its own session.
        List<Runnable> afterRestore = new ArrayList<>();
        List<StoredSession> storedSessions = sessionStore.loadAll();
        // One read of every queue: a store keyed by sequence alone would scan once per client.
        Map<String, List<StoredDelivery>> queues =
                queueStore.loadAll(storedSessions.stream().map(StoredSession::clientId).toList());
        for (StoredSession stored : storedSessions) {
            List<StoredDelivery> queue = queues.getOrDefault(stored.clientId(), List.of());
            // A session that was connected when the broker stopped lost its connection then.
            long disconnectedAt = stored.disconnectedAtMillis() == StoredSession.CONNECTED ? now
                    : stored.disconnectedAtMillis();
            if (!stored.expiry().never() && stored.expiry().expiresAtMillis(disconnectedAt) <= now) {
                expired++;
                deleteExpired(stored, queue);
                if (stored.will() != null) {
                    afterRestore.add(() -> sessionAttach.willOfSessionEndedWhileDown(stored.clientId(), stored.will()));
                }
                continue;
            }
            ClientSession session = sessionAttach.newSession(stored.clientId(), stored.expiry(), offlineOwner);
            session.markRestored();
            for (Subscription s : subscriptionsByClient.getOrDefault(stored.clientId(), List.of())) {
                session.state().subscribe(s);
                index.subscribe(s.clientId(), s.filter(), s.options());
                subscriptionCount++;
            }
            for (OutboundFlow flow : inflightStore.load(stored.clientId())) {
                if (session.state().inflight().restore(flow)) {
                    inflight++;
                }
            }
            for (int packetId : inflightStore.loadReceipts(stored.clientId())) {
                session.state().inboundQos2().receive(packetId);
            }
            queued += restoreQueue(session, queue);
            if (stored.disconnectedAtMillis() == StoredSession.CONNECTED) {
                recorder.sessionSaved(new StoredSession(stored.clientId(), stored.expiry(), stored.will(), disconnectedAt));
            } else {
                recorder.restoredSession(stored.clientId());
            }
            sessions.getOrCreate(stored.clientId(), id -> session);
            afterRestore.add(() -> sessionAttach.restoredOffline(session, stored.will(), disconnectedAt));
            restored++;
        }
        afterRestore.forEach(Runnable::run);
        Report report = new Report(restored, expired, subscriptionCount, queued, inflight, retainedCount);
        LOG.info("restored {} sessions ({} expired while down), {} subscriptions, {} queued and {} in-flight messages,"
                + " {} retained messages", restored, expired, subscriptionCount, queued, inflight, retainedCount);
        return report;
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
    private void deleteExpired(StoredSession stored, List<StoredDelivery> queue) {
        String id = stored.clientId();
        sessionStore.delete(id);
        subscriptionStore.deleteAll(id);
        for (StoredDelivery d : queue) {
            queueStore.remove(id, d.sequence());
        }
        inflightStore.deleteAll(id);
    }
}
