package dev.tern.application.port.out;

import java.util.List;

/**
 * Persistent sessions, by client id. Each method is one atomic unit.
 *
 * <p>Threading: implementations are thread-safe; callers never call them on a network I/O thread
 * unless the implementation is the in-memory one.
 */
public interface SessionStore {

    /** Inserts or replaces the session of {@code session.clientId()}. */
    void save(StoredSession session);

    /** Removes the session; removing an unknown one does nothing. */
    void delete(String clientId);

    List<StoredSession> loadAll();
}
