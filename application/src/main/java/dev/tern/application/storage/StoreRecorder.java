package dev.tern.application.storage;

import dev.tern.application.port.out.InflightStore;
import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.application.port.out.SessionStore;
import dev.tern.application.port.out.StoredDelivery;
import dev.tern.application.port.out.StoredSession;
import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.application.session.ClientSession;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OutboundFlow;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.topic.TopicName;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recorder of a durable backend: write-behind, it turns every change into a store write and
 * hands it to the {@link StorageWriter}, which runs the writes in order off the caller's thread. Only persistent sessions are recorded; a session that ends at disconnect
 * has nothing a restart could resume.
 *
 * <p>Queue sequences come from one broker-wide counter, so they are unique across clients and a
 * store may key its queue by sequence alone (see {@link MessageQueueStore}). Each session's ledger
 * keeps the sequence of every delivery it has queued in the store, so that ending or clearing the
 * session removes exactly those rows, by key, rather than searching the store for the client's.
 *
 * <p>Threading: session methods run on the session's executor, so each session's ledger is touched
 * by one thread at a time; the counter is shared and atomic. The writes handed to the writer carry
 * copies, never a ledger.
 */
public final class StoreRecorder implements StateRecorder {

    private final StorageWriter writer;
    private final SessionStore sessions;
    private final SubscriptionStore subscriptions;
    private final RetainedMessageStore retained;
    private final MessageQueueStore queues;
    private final InflightStore inflight;
    private final boolean acknowledgesAfterCommit;
    /** Per session: the store sequence of each queued delivery. */
    private final Map<String, Map<Delivery, Long>> ledgers = new ConcurrentHashMap<>();
    /** The last queue sequence drawn, or restored from the store. */
    private final AtomicLong lastSequence = new AtomicLong();
    /** Client ids with a session record in the store, so that ending a clean session writes nothing. */
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    /**
     * @param acknowledgesAfterCommit true for {@code ack-after-commit}: PUBACK/PUBREC wait for the
     *     commit; false for {@code periodic}: they leave at once and the batch commits behind them
     */
    public StoreRecorder(StorageWriter writer, SessionStore sessions, SubscriptionStore subscriptions,
            RetainedMessageStore retained, MessageQueueStore queues, InflightStore inflight,
            boolean acknowledgesAfterCommit) {
        this.writer = writer;
        this.acknowledgesAfterCommit = acknowledgesAfterCommit;
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.queues = queues;
        this.inflight = inflight;
    }

    private static boolean persistent(ClientSession session) {
        return !session.state().expiry().endsAtDisconnect();
    }

    private void write(Runnable write, PendingAck ack) {
        if (ack != null) {
            ack.expect();
        }
        writer.submit(write, ack);
    }

    @Override
    public boolean acknowledgesAfterCommit() {
        // periodic durability too, while the writer is behind: see StorageWriter.
        return acknowledgesAfterCommit || writer.isBehind();
    }

    @Override
    public void sessionSaved(StoredSession session) {
        stored.add(session.clientId());
        write(() -> sessions.save(session), null);
    }

    @Override
    public void sessionEnded(ClientSession session) {
        String id = session.clientId();
        long[] queued = forget(id);
        if (!stored.remove(id)) {
            return;
        }
        write(() -> {
            sessions.delete(id);
            subscriptions.deleteAll(id);
            removeQueued(id, queued);
            inflight.deleteAll(id);
        }, null);
    }

    @Override
    public void sessionCleared(ClientSession session) {
        String id = session.clientId();
        long[] queued = forget(id);
        if (!stored.contains(id)) {
            return;
        }
        write(() -> {
            subscriptions.deleteAll(id);
            removeQueued(id, queued);
            inflight.deleteAll(id);
        }, null);
    }

    /** Drops the session's ledger, returning the sequences it still had queued in the store. */
    private long[] forget(String clientId) {
        Map<Delivery, Long> ledger = ledgers.remove(clientId);
        return ledger == null ? new long[0] : ledger.values().stream().mapToLong(Long::longValue).toArray();
    }

    private void removeQueued(String clientId, long[] sequences) {
        for (long sequence : sequences) {
            queues.remove(clientId, sequence);
        }
    }

    @Override
    public void subscribed(ClientSession session, Subscription subscription, PendingAck ack) {
        if (persistent(session)) {
            write(() -> subscriptions.save(subscription), ack);
        }
    }

    @Override
    public void unsubscribed(ClientSession session, Subscription subscription) {
        if (persistent(session)) {
            write(() -> subscriptions.delete(subscription.clientId(), subscription.filter().value()), null);
        }
    }

    @Override
    public void queued(ClientSession session, Delivery delivery, PendingAck ack) {
        if (!persistent(session) || delivery.message().qos().value() == 0) {
            return;
        }
        long sequence = lastSequence.incrementAndGet();
        ledger(session).put(delivery, sequence);
        String id = session.clientId();
        String forwardId = forwardIdOf(ack);
        if (forwardId == null) {
            write(() -> queues.append(id, new StoredDelivery(sequence, delivery)), ack);
        } else {
            write(() -> {
                queues.append(id, new StoredDelivery(sequence, delivery));
                inflight.saveForwardReceipt(id, forwardId);
            }, ack);
        }
    }

    @Override
    public void dequeued(ClientSession session, Delivery delivery) {
        Map<Delivery, Long> ledger = ledgers.get(session.clientId());
        Long sequence = ledger == null ? null : ledger.remove(delivery);
        if (sequence != null) {
            String id = session.clientId();
            write(() -> queues.remove(id, sequence), null);
        }
    }

    @Override
    public void flowSaved(ClientSession session, OutboundFlow flow, PendingAck ack) {
        if (persistent(session)) {
            String id = session.clientId();
            String forwardId = forwardIdOf(ack);
            if (forwardId == null) {
                write(() -> inflight.save(id, flow), ack);
            } else {
                write(() -> {
                    inflight.save(id, flow);
                    inflight.saveForwardReceipt(id, forwardId);
                }, ack);
            }
        }
    }

    /**
     * The id of the forwarded message a copy belongs to (cluster only), whose receipt goes in the
     * same write as the copy: one unit of one client's writes, all or nothing, so that a copy
     * committed before its settle is never taken again after a crash, and no receipt exists
     * without its copy.
     */
    private static String forwardIdOf(PendingAck ack) {
        return ack == null ? null : ack.forwardId();
    }

    @Override
    public void whenStored(ClientSession session, Runnable then) {
        if (!acknowledgesAfterCommit || !persistent(session)) {
            then.run();
            return;
        }
        writer.afterPendingWrites(() -> session.executor().execute(then));
    }

    @Override
    public void flowCompleted(ClientSession session, int packetId) {
        if (persistent(session)) {
            String id = session.clientId();
            write(() -> inflight.remove(id, packetId), null);
        }
    }

    @Override
    public void receiptSaved(ClientSession session, int packetId, PendingAck ack) {
        if (persistent(session)) {
            String id = session.clientId();
            write(() -> inflight.saveReceipt(id, packetId), ack);
        }
    }

    @Override
    public void receiptRemoved(ClientSession session, int packetId) {
        if (persistent(session)) {
            String id = session.clientId();
            write(() -> inflight.removeReceipt(id, packetId), null);
        }
    }

    @Override
    public void retained(ApplicationMessage message, PendingAck ack) {
        write(() -> retained.save(message), ack);
    }

    @Override
    public void retainedDeleted(TopicName topic, PendingAck ack) {
        write(() -> retained.delete(topic), ack);
    }

    @Override
    public void sessionHandedOver(String clientId) {
        forget(clientId);
        stored.remove(clientId);
    }

    @Override
    public void restoredSession(String clientId) {
        stored.add(clientId);
    }

    /** New sequences are drawn past every restored one, so that none is used twice. */
    @Override
    public void restoredQueued(ClientSession session, Delivery delivery, long sequence) {
        ledger(session).put(delivery, sequence);
        lastSequence.accumulateAndGet(sequence, Math::max);
    }

    private Map<Delivery, Long> ledger(ClientSession session) {
        // Identity: two equal deliveries queued twice are two rows.
        return ledgers.computeIfAbsent(session.clientId(), id -> new IdentityHashMap<>());
    }
}
