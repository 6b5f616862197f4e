package dev.tern.application.retained;

import dev.tern.domain.message.ApplicationMessage;

/**
 * Hears the retained messages this node sets or deletes (a client's retained PUBLISH, an
 * administrator's delete, an eviction at the limits), so that a cluster can tell the other nodes;
 * not the ones that expire, which every node drops by itself, nor those applied from elsewhere.
 *
 * <p>Threading: called on the thread that changed the message, sometimes under the lock of
 * {@link RetainedMessages}; must not block.
 */
public interface RetainedChanges {

    RetainedChanges NONE = message -> { };

    /** {@code message} is now the topic's retained message; an empty payload deleted the topic's. */
    void changed(ApplicationMessage message);
}
