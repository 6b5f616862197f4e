package dev.tern.application.port.cluster;

import dev.tern.domain.message.ApplicationMessage;

/**
 * What a node receives from the others. Callbacks come on the backend's threads, one message at a
 * time per sending node in the order it sent, and must not block.
 */
public interface ForwardReceiver {

    /**
     * A message for this node. {@code settled} must be run once the message is safe here (queued
     * durably for each persistent session that takes it, or handed to the rest): only then does a
     * durable message leave the backend. A durable message not settled before a crash comes again
     * when the node (or its adopter) receives next.
     */
    void message(ForwardedMessage message, Runnable settled);

    /** A retained message changed on another node; an empty payload deletes the topic's. */
    void retained(ApplicationMessage message);

    void signal(ClusterSignal signal);

    /**
     * The connection to the backend came back after a loss: retained changes and signals may
     * have been missed (durable messages were not).
     */
    void resync();
}
