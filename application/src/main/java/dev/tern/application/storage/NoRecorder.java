package dev.tern.application.storage;

import dev.tern.application.port.out.StoredSession;
import dev.tern.application.session.ClientSession;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OutboundFlow;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.topic.TopicName;

/**
 * The recorder of the in-memory backend: the live state is all there is, so nothing is written
 * and nobody waits.
 *
 * <p>Threading: stateless; thread-safe.
 */
public final class NoRecorder implements StateRecorder {

    public static final NoRecorder INSTANCE = new NoRecorder();

    private NoRecorder() {
    }

    @Override
    public boolean acknowledgesAfterCommit() {
        return false;
    }

    @Override
    public void sessionSaved(StoredSession session) {
    }

    @Override
    public void sessionEnded(ClientSession session) {
    }

    @Override
    public void sessionCleared(ClientSession session) {
    }

    @Override
    public void subscribed(ClientSession session, Subscription subscription, PendingAck ack) {
    }

    @Override
    public void unsubscribed(ClientSession session, Subscription subscription) {
    }

    @Override
    public void queued(ClientSession session, Delivery delivery, PendingAck ack) {
    }

    @Override
    public void dequeued(ClientSession session, Delivery delivery) {
    }

    @Override
    public void flowSaved(ClientSession session, OutboundFlow flow, PendingAck ack) {
    }

    @Override
    public void flowCompleted(ClientSession session, int packetId) {
    }

    @Override
    public void receiptSaved(ClientSession session, int packetId, PendingAck ack) {
    }

    @Override
    public void receiptRemoved(ClientSession session, int packetId) {
    }

    @Override
    public void retained(ApplicationMessage message, PendingAck ack) {
    }

    @Override
    public void retainedDeleted(TopicName topic, PendingAck ack) {
    }

    @Override
    public void restoredSession(String clientId) {
    }

    @Override
    public void restoredQueued(ClientSession session, Delivery delivery, long sequence) {
    }
}
