package dev.tern.application.port.cluster;

import dev.tern.domain.message.ApplicationMessage;
import java.util.concurrent.CompletionStage;

/**
 * Carries messages and signals between nodes: at most once for QoS 0, retained changes and
 * signals; durably, with redelivery until settled, for QoS 1 and 2 (bounded per node; what the
 * bound refuses fails the send and is counted).
 *
 * <p>Threading: {@link #sendAtMostOnce}, {@link #sendDurably}, {@link #broadcastRetained} and
 * {@link #signal} never block (they may be called on an event loop); the others may.
 */
public interface MessageForwarding {

    /** Fire and forget; lost if the link or the receiving node fails. */
    void sendAtMostOnce(String nodeId, ForwardedMessage message);

    /**
     * Completes once the backend holds the message for {@code nodeId} so that it survives a crash
     * of either node; completes exceptionally when it could not (the publisher must not be told
     * the message is safe).
     */
    CompletionStage<Void> sendDurably(String nodeId, ForwardedMessage message);

    /** Tells every other node that a retained message changed (empty payload: deleted). */
    void broadcastRetained(ApplicationMessage message);

    void signal(String nodeId, ClusterSignal signal);

    /**
     * Starts handing this node's messages to {@code receiver}: first durable ones left unsettled
     * by an earlier run of this node, then new ones.
     */
    void receive(ForwardReceiver receiver);

    /**
     * Hands every durable message left unsettled for a departed node (one this node adopted) to
     * {@code receiver}, then deletes that node's messages. Blocks until done.
     */
    void drainDeparted(String nodeId, ForwardReceiver receiver);
}
