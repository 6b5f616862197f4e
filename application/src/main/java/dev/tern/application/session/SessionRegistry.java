package dev.tern.application.session;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every live session by client id. Atomic per id, so that concurrent connects of one client id
 * find the same session and serialize on its executor.
 *
 * <p>Threading: thread-safe.
 */
public final class SessionRegistry {

    private final ConcurrentHashMap<String, ClientSession> sessions = new ConcurrentHashMap<>();

    public ClientSession get(String clientId) {
        return sessions.get(clientId);
    }

    public ClientSession getOrCreate(String clientId, Function<String, ClientSession> factory) {
        return sessions.computeIfAbsent(clientId, factory);
    }

    /** Removes the session only if it is still the one registered for its id. */
    public void remove(ClientSession session) {
        sessions.remove(session.clientId(), session);
    }

    public int size() {
        return sessions.size();
    }

    public Collection<ClientSession> all() {
        return sessions.values();
    }
}
