package dev.tern.application.service;

import dev.tern.application.storage.PendingAck;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.topic.TopicFilter;

/**
 * Carries a message published on this node to the other nodes of a cluster that have routes for
 * it. {@link #NONE} outside a cluster: it matches nothing, relays nothing and allocates nothing, so
 * a single node pays two interface calls per message ({@link #match} and {@link #relay}). The
 * broker's own messages on {@code $} topics (no publisher) describe this node: an implementation
 * leaves them here.
 *
 * <p>Threading: thread-safe; called on the publisher's thread, never blocks.
 */
public interface MessageForwarder {

    MessageForwarder NONE = new MessageForwarder() {
        @Override
        public RemoteTargets match(ApplicationMessage message, TopicFilter onlyGroup) {
            return null;
        }

        @Override
        public void forward(ApplicationMessage message, RemoteTargets targets, PendingAck ack) {
            // never called: nothing matches
        }
    };

    /**
     * The other nodes whose routes match {@code message}, or null when none does. With
     * {@code onlyGroup}, only that shared subscription's members count (a message handed on from a
     * member whose session ended).
     */
    RemoteTargets match(ApplicationMessage message, TopicFilter onlyGroup);

    /**
     * Sends {@code message} once to each node of {@code targets}, after the shared groups were
     * picked. {@code ack}, when not null, waits for each durable send (QoS 1/2) and fails if one
     * fails.
     */
    void forward(ApplicationMessage message, RemoteTargets targets, PendingAck ack);

    /**
     * After {@code message} was handed to this node's sessions and forwarded ({@code remote}, the
     * targets {@link #match} gave, or null): relays it for the sessions this node handed over to
     * other nodes moments ago, if any, with {@code ack} as for {@link #forward}. Returns how many
     * sessions it was relayed for. Only a cluster relays.
     */
    default int relay(ApplicationMessage message, RemoteTargets remote, PendingAck ack) {
        return 0;
    }
}
