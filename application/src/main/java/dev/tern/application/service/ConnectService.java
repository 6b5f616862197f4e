package dev.tern.application.service;

import dev.tern.application.config.MqttSettings;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SerialExecutor;
import dev.tern.application.session.SessionConnection;
import dev.tern.application.session.SessionRegistry;
import dev.tern.domain.session.Session;
import dev.tern.domain.session.SessionExpiry;
import dev.tern.domain.will.Will;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attaches a connection to its session (3.1.4): creates the session or takes it over from an
 * older connection, applies Clean Start, and detaches it again when the connection ends.
 *
 * <p>Threading: {@link #connect} may be called from any thread. The attach itself runs as a task
 * of the session's executor, so concurrent connects of one client id are serialized there: each
 * in turn closes the connection before it, and the last one wins, with no race [MQTT-3.1.4-2].
 * {@link #disconnected} runs inside a task of the session's executor.
 */
public final class ConnectService {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectService.class);

    private final SessionRegistry sessions;
    private final SubscribeService subscriptions;
    private final WillService wills;
    private final MqttSettings settings;

    public ConnectService(SessionRegistry sessions, SubscribeService subscriptions, WillService wills,
            MqttSettings settings) {
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.wills = wills;
        this.settings = settings;
    }

    /** What a validated CONNECT asks of the session. {@code will} is null when there is none. */
    public record ConnectRequest(String clientId, boolean cleanStart, SessionExpiry expiry, Will will) {
    }

    public void connect(ConnectRequest request, SessionConnection connection, TaskExecutor connectionExecutor) {
        ClientSession session = sessions.getOrCreate(request.clientId(),
                id -> newSession(id, request.expiry(), connectionExecutor));
        session.executor().execute(() -> attach(session, request, connection, connectionExecutor));
    }

    private void attach(ClientSession session, ConnectRequest request, SessionConnection connection,
            TaskExecutor connectionExecutor) {
        if (session.isEnded()) {
            // It ended between lookup and attach: start over with a fresh session.
            connect(request, connection, connectionExecutor);
            return;
        }
        boolean resumable = session.hasBeenAttached() && !session.state().expiry().endsAtDisconnect();
        SessionConnection previous = (SessionConnection) session.connection();
        if (previous != null) {
            LOG.info("{}: session taken over by a new connection", request.clientId());
            session.detach(previous);
            previous.takenOver();
            Will will = session.state().takeWill();
            if (will != null) {
                wills.publish(session.clientId(), will);
            }
        }
        boolean sessionPresent = resumable && !request.cleanStart();
        if (!sessionPresent) {
            subscriptions.removeAll(session);
            session.state().clearMessages();
        }
        session.state().setExpiry(request.expiry());
        session.state().setWill(request.will());
        session.attach(connection);
        session.executor().retarget(connectionExecutor);
        session.executor().execute(() -> connection.attached(session, sessionPresent));
    }

    /**
     * The connection ended. Publishes the will unless the client said DISCONNECT, and ends the
     * session when its expiry is at disconnect (Clean Session 1).
     */
    public void disconnected(ClientSession session, SessionConnection connection, boolean graceful) {
        if (!session.detach(connection)) {
            return;
        }
        Will will = session.state().takeWill();
        if (will != null && !graceful) {
            wills.publish(session.clientId(), will);
        }
        if (session.state().expiry().endsAtDisconnect()) {
            end(session);
        }
    }

    private void end(ClientSession session) {
        session.end();
        sessions.remove(session);
        subscriptions.removeAll(session);
        session.state().clearMessages();
    }

    private ClientSession newSession(String clientId, SessionExpiry expiry, TaskExecutor owner) {
        Session state = new Session(clientId, expiry, settings.maxInflight(), settings.maxQueuedMessages(),
                settings.overflowPolicy());
        return new ClientSession(state, new SerialExecutor(owner));
    }
}
