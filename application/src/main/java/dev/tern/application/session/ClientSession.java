package dev.tern.application.session;

import dev.tern.domain.session.Session;

/**
 * A session as the running broker holds it: the domain state, the serial executor that confines
 * it, and the connection it is attached to, if any.
 *
 * <p>Threading: {@link #executor()} and {@link #clientId()} may be used from any thread; every
 * other method only from within a task of {@link #executor()}.
 */
public final class ClientSession {

    private final Session state;
    private final SerialExecutor executor;
    private PacketSink connection;
    private boolean ended;
    private boolean everAttached;

    public ClientSession(Session state, SerialExecutor executor) {
        this.state = state;
        this.executor = executor;
    }

    public String clientId() {
        return state.clientId();
    }

    public SerialExecutor executor() {
        return executor;
    }

    public Session state() {
        return state;
    }

    /** The attached connection, or null while the client is offline. */
    public PacketSink connection() {
        return connection;
    }

    public void attach(PacketSink newConnection) {
        connection = newConnection;
        everAttached = true;
    }

    /** False for a session created by the connect now attaching: there is nothing to resume. */
    public boolean hasBeenAttached() {
        return everAttached;
    }

    /** Detaches {@code expected} if it is still the attached connection; false otherwise. */
    public boolean detach(PacketSink expected) {
        if (connection != expected) {
            return false;
        }
        connection = null;
        return true;
    }

    /** True once the session is over; a connect that finds it ended must create a new one. */
    public boolean isEnded() {
        return ended;
    }

    public void end() {
        ended = true;
        connection = null;
    }
}
