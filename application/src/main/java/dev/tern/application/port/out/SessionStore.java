package dev.tern.application.port.out;

import java.util.List;
import java.util.Optional;

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

    /**
     * The session of one client (a cluster node taking a session over loads just that one). The
     * default reads them all; a backend that can carry a cluster overrides it.
     */
    default Optional<StoredSession> load(String clientId) {
        return loadAll().stream().filter(s -> s.clientId().equals(clientId)).findFirst();
    }
}
