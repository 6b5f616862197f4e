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
import dev.tern.application.session.SessionRegistry;
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
 * every persistent session with its subscriptions, queue, in-flight flows and QoS 2 receipts (each
 * by the {@link StoredSessionLoader}). Sessions and messages that expired while the broker was down
 * are dropped by the time that passed; the will of a session that ended so is published, as its end
 * would have published it.
 *
 * <p>A cluster node restores only the retained messages ({@link #restoreRetained}): the sessions
 * in the store belong to the nodes that own them, and come to this one by takeover or adoption.
 *
 * <p>Threading: runs once, at start-up, before any listener accepts a connection.
 */
public final class SessionRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRestorer.class);

    private final SessionStore sessionStore;
    private final SubscriptionStore subscriptionStore;
    private final RetainedMessageStore retainedStore;
    private final MessageQueueStore queueStore;
    private final RetainedMessages retained;
    private final SessionAttachService sessionAttach;
    private final StoredSessionLoader loader;
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
        this.retained = retained;
        this.sessionAttach = sessionAttach;
        this.loader = new StoredSessionLoader(sessionStore, subscriptionStore, queueStore, inflightStore, sessions,
                index, recorder, sessionAttach.sessionFactory());
        this.clock = clock;
        this.offlineOwner = offlineOwner;
    }

    /** What was restored, for the start-up log and for tests. */
    public record Report(int sessions, int expiredSessions, int subscriptions, int queued, int inflight, int retained) {
    }

    public Report restore() {
        int retainedCount = restoreRetained();
        long now = clock.millis();
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
            StoredSessionLoader.Outcome outcome = loader.restore(stored,
                    subscriptionsByClient.getOrDefault(stored.clientId(), List.of()),
                    queues.getOrDefault(stored.clientId(), List.of()), offlineOwner, now);
            if (outcome instanceof StoredSessionLoader.Restored r) {
                subscriptionCount += r.subscriptions();
                queued += r.queued();
                inflight += r.inflight();
                afterRestore.add(() -> sessionAttach.restoredOffline(r.session(), r.will(), r.disconnectedAtMillis()));
                restored++;
            } else if (outcome instanceof StoredSessionLoader.Expired e) {
                expired++;
                if (e.will() != null) {
                    afterRestore.add(() -> sessionAttach.willOfSessionEndedWhileDown(e.clientId(), e.will()));
                }
            }
        }
        afterRestore.forEach(Runnable::run);
        Report report = new Report(restored, expired, subscriptionCount, queued, inflight, retainedCount);
        LOG.info("restored {} sessions ({} expired while down), {} subscriptions, {} queued and {} in-flight messages,"
                + " {} retained messages", restored, expired, subscriptionCount, queued, inflight, retainedCount);
        return report;
    }

    /** Loads the retained messages that have not expired; returns how many. */
    public int restoreRetained() {
        long now = clock.millis();
        int count = 0;
        for (ApplicationMessage message : retainedStore.loadAll()) {
            if (!message.isExpiredAt(now)) {
                retained.restore(message);
                count++;
            }
        }
        return count;
    }
}
