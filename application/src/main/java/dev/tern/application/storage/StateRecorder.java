package dev.tern.application.storage;

import dev.tern.application.port.out.StoredSession;
import dev.tern.application.session.ClientSession;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OutboundFlow;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.topic.TopicName;

/**
 * Records, as it happens, every change to state that must survive a restart: of persistent
 * sessions (expiry above 0) and of retained messages. The in-memory backend records nothing
 * ({@link NoRecorder}); a durable one writes behind, through its {@link StorageWriter}
 * ({@link StoreRecorder}). Methods taking a {@link PendingAck} count it up and down, so
 * that an acknowledgement waits for the write (it may be null: nothing waits).
 *
 * <p>Threading: the session methods run inside tasks of the session's executor; the retained
 * methods on any thread.
 */
public interface StateRecorder {

    /**
     * Whether acknowledgements wait for the writes to commit: always with {@code storage.durability:
     * ack-after-commit}; with {@code periodic} only while the storage writer is behind; never for
     * the memory backend. Asked once per message, so the answer may change from one to the next.
     */
    boolean acknowledgesAfterCommit();

    void sessionSaved(StoredSession session);

    /** The session is gone: its record, subscriptions, queue, flows and receipts. */
    void sessionEnded(ClientSession session);

    /** Clean start of a session that goes on: its old subscriptions, queue, flows and receipts are gone. */
    void sessionCleared(ClientSession session);

    /**
     * A subscription granted or replaced; {@code ack} (may be null) waits for its write, so that the
     * SUBACK leaves only once a persistent session's subscription is stored.
     */
    void subscribed(ClientSession session, Subscription subscription, PendingAck ack);

    void unsubscribed(ClientSession session, Subscription subscription);

    void queued(ClientSession session, Delivery delivery, PendingAck ack);

    /** A delivery left the queue: sent (a flow follows), expired or dropped. */
    void dequeued(ClientSession session, Delivery delivery);

    void flowSaved(ClientSession session, OutboundFlow flow, PendingAck ack);

    void flowCompleted(ClientSession session, int packetId);

    /**
     * Runs {@code then} on the session's executor once what was recorded for {@code session} so far
     * is durable, when acknowledgements wait for commits and the session is persistent; at once
     * otherwise. An outbound QoS 2 PUBLISH and its PUBREL go out only when the flow state that
     * sends them is stored, so that whoever resumes the session (after a crash, or on another
     * cluster node) never sends a step the client already finished: exactly once holds across a
     * crash.
     */
    default void whenStored(ClientSession session, Runnable then) {
        then.run();
    }

    void receiptSaved(ClientSession session, int packetId, PendingAck ack);

    void receiptRemoved(ClientSession session, int packetId);

    void retained(ApplicationMessage message, PendingAck ack);

    void retainedDeleted(TopicName topic, PendingAck ack);

    /**
     * The session went to another cluster node, which owns what is stored of it now: forget it
     * here without writing anything.
     */
    default void sessionHandedOver(String clientId) {
    }

    /** Remembers that the store holds this session, loaded at start-up. */
    void restoredSession(String clientId);

    /**
     * Remembers the store's sequence number of a restored queued delivery, before it is offered to
     * the session's queue (a delivery the queue drops is then {@link #dequeued}).
     */
    void restoredQueued(ClientSession session, Delivery delivery, long sequence);
}
