package dev.tern.application.port.out;

import java.util.List;

/**
 * The queued (not yet in flight) deliveries of persistent sessions, ordered per session by a
 * sequence number the caller assigns, increasing. Each method is one atomic unit.
 *
 * <p>Threading: implementations are thread-safe.
 */
public interface MessageQueueStore {

    void append(String clientId, StoredDelivery delivery);

    /** Removes one delivery, when it goes in flight or is dropped; an unknown one does nothing. */
    void remove(String clientId, long sequence);

    void deleteAll(String clientId);

    /** The session's queue in sequence order. */
    List<StoredDelivery> load(String clientId);
}
