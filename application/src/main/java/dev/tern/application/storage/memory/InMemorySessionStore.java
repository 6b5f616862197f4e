package dev.tern.application.storage.memory;

import dev.tern.application.port.out.SessionStore;
import dev.tern.application.port.out.StoredSession;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions kept in memory, lost when the broker stops.
 *
 * <p>Threading: thread-safe and non-blocking; each call is one operation on a
 * {@link ConcurrentHashMap} of immutable records, so it may run on an I/O thread.
 */
public final class InMemorySessionStore implements SessionStore {

    private final ConcurrentHashMap<String, StoredSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void save(StoredSession session) {
        sessions.put(session.clientId(), session);
    }

    @Override
    public void delete(String clientId) {
        sessions.remove(clientId);
    }

    @Override
    public List<StoredSession> loadAll() {
        return List.copyOf(sessions.values());
    }
}
