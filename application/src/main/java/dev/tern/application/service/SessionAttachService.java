package dev.tern.application.service;

import dev.tern.application.config.LimitsSettings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.event.BrokerEvents;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.application.port.out.StoredSession;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SessionConnection;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.StateRecorder;
import dev.tern.domain.session.SessionExpiry;
import dev.tern.domain.will.Will;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attaches a connection to its session (3.1.4): creates the session or takes it over from an
 * older connection, applies Clean Start, and when the connection ends, publishes or delays the
 * will and keeps the session for its expiry interval (3.1.2.11.2, 3.1.3.2.2). A session that
 * reaches that expiry is reported as {@link BrokerEvent.SessionExpired}; one whose interval is 0
 * simply ends with its connection and is not.
 *
 * <p>A connect first passes the {@link ConnectGate}: at once on a single node; on a cluster node
 * once the client id has been taken over from the node that held it (docs/cluster.md).
 *
 * <p>Threading: {@link #connect} may be called from any thread. The attach itself runs as a task
 * of the session's executor, so concurrent connects of one client id are serialized there: each
 * in turn closes the connection before it, and the last one wins, with no race [MQTT-3.1.4-2].
 * The other methods run inside tasks of the session's executor.
 */
public final class SessionAttachService {

    private static final Logger LOG = LoggerFactory.getLogger(SessionAttachService.class);

    private final SessionRegistry sessions;
    private final SubscribeService subscriptions;
    private final WillService wills;
    private final SessionEndService sessionEnd;
    private final StateRecorder recorder;
    private final Clock clock;
    private final BrokerEvents events;
    private final SessionFactory sessionFactory;
    private final ConnectGate gate;

    /** A single node: connects attach at once. */
    public SessionAttachService(SessionRegistry sessions, SubscribeService subscriptions, WillService wills,
            SessionEndService sessionEnd, StateRecorder recorder, MqttSettings settings, LimitsSettings limits,
            Clock clock, BrokerEvents events) {
        this(sessions, subscriptions, wills, sessionEnd, recorder, new SessionFactory(settings, limits, clock), clock,
                events, ConnectGate.LOCAL);
    }

    /** @param gate what a connect passes before attaching here (a cluster's takeover), {@link ConnectGate#LOCAL} */
    public SessionAttachService(SessionRegistry sessions, SubscribeService subscriptions, WillService wills,
            SessionEndService sessionEnd, StateRecorder recorder, SessionFactory sessionFactory, Clock clock,
            BrokerEvents events, ConnectGate gate) {
        this.sessions = sessions;
        this.recorder = recorder;
        this.clock = clock;
        this.events = events;
        this.subscriptions = subscriptions;
        this.wills = wills;
        this.sessionEnd = sessionEnd;
        this.sessionFactory = sessionFactory;
        this.gate = gate;
    }

    /** What a validated CONNECT asks of the session. {@code will} is null when there is none. */
    public record AttachRequest(String clientId, boolean cleanStart, SessionExpiry expiry, Will will) {
    }

    public void connect(AttachRequest request, SessionConnection connection, TaskExecutor connectionExecutor) {
        gate.admit(request, connection, connectionExecutor, () -> attachHere(request, connection, connectionExecutor));
    }

    private void attachHere(AttachRequest request, SessionConnection connection, TaskExecutor connectionExecutor) {
        ClientSession session = sessions.getOrCreate(request.clientId(),
                id -> newSession(id, request.expiry(), connectionExecutor));
        session.executor().execute(() -> attach(session, request, connection, connectionExecutor));
    }

    private void attach(ClientSession session, AttachRequest request, SessionConnection connection,
            TaskExecutor connectionExecutor) {
        if (session.isEnded()) {
            // It ended between lookup and attach: start over with a fresh session (the gate was passed).
            attachHere(request, connection, connectionExecutor);
            return;
        }
        // A session with expiry 0 ends with its connection: it is never resumed, even by a takeover.
        boolean resumable = session.hasBeenAttached() && !session.state().expiry().endsAtDisconnect();
        boolean sessionPresent = resumable && !request.cleanStart();
        SessionConnection previous = (SessionConnection) session.connection();
        if (previous != null) {
            LOG.info("{}: session taken over by a new connection", request.clientId());
            session.detach(previous);
            previous.takenOver();
            // The old connection ended abnormally; a delayed will is void since the client is back
            // at once, unless the session does not go on.
            Will will = session.state().takeWill();
            if (will != null && (will.delaySeconds() == 0 || !sessionPresent)) {
                wills.publish(session.clientId(), will);
            }
        }
        Will pending = session.takePendingWill();
        if (pending != null && !sessionPresent) {
            // The session ends here, which fires a will still waiting for its delay.
            wills.publish(session.clientId(), pending);
        }
        if (!sessionPresent) {
            subscriptions.removeAll(session);
            session.state().clearMessages();
            recorder.sessionCleared(session);
        }
        session.state().setExpiry(request.expiry());
        session.state().setWill(request.will());
        if (request.expiry().endsAtDisconnect()) {
            // Nothing of this session outlives the connection: forget any record of an older one.
            recorder.sessionEnded(session);
        } else {
            recorder.sessionSaved(new StoredSession(session.clientId(), request.expiry(), request.will(),
                    StoredSession.CONNECTED));
        }
        session.attach(connection);
        session.executor().retarget(connectionExecutor);
        session.executor().execute(() -> connection.attached(session, sessionPresent));
    }

    /**
     * The connection ended. Publishes the will unless the client said DISCONNECT (at once, or
     * after its delay), and ends the session now or when its expiry interval has passed.
     */
    public void disconnected(ClientSession session, SessionConnection connection, boolean graceful) {
        if (!session.detach(connection)) {
            return;
        }
        Will will = session.state().takeWill();
        SessionExpiry expiry = session.state().expiry();
        if (will != null && !graceful) {
            long delay = will.firesAfterSeconds(expiry.seconds());
            if (delay == 0) {
                wills.publish(session.clientId(), will);
            } else {
                long generation = session.generation();
                long disconnectedAt = clock.millis();
                session.setPendingWill(will, session.executor().owner().schedule(() -> session.executor().execute(
                        () -> fireDelayedWill(session, generation, disconnectedAt)), delay * 1000));
            }
        }
        if (expiry.endsAtDisconnect()) {
            sessionEnd.end(session);
            return;
        }
        recorder.sessionSaved(new StoredSession(session.clientId(), expiry, session.pendingWill(), clock.millis()));
        if (!expiry.never()) {
            long generation = session.generation();
            session.setExpiryTimer(session.executor().owner().schedule(
                    () -> session.executor().execute(() -> expire(session, generation)), expiry.seconds() * 1000));
        }
    }

    /**
     * A session restored at start-up is offline since {@code disconnectedAtMillis}: its will and
     * its expiry run from then, as if the broker had never stopped.
     */
    public void restoredOffline(ClientSession session, Will will, long disconnectedAtMillis) {
        long now = clock.millis();
        long generation = session.generation();
        SessionExpiry expiry = session.state().expiry();
        if (will != null) {
            long due = disconnectedAtMillis + will.firesAfterSeconds(expiry.seconds()) * 1000;
            session.setPendingWill(will, session.executor().owner().schedule(() -> session.executor().execute(
                    () -> fireDelayedWill(session, generation, disconnectedAtMillis)), Math.max(0, due - now)));
        }
        if (!expiry.never()) {
            long due = expiry.expiresAtMillis(disconnectedAtMillis);
            session.setExpiryTimer(session.executor().owner().schedule(
                    () -> session.executor().execute(() -> expire(session, generation)), Math.max(0, due - now)));
        }
    }

    /** MQTT 5 DISCONNECT may change the Session Expiry Interval, within the broker's maximum. */
    public void changeExpiry(ClientSession session, SessionExpiry expiry) {
        session.state().setExpiry(expiry);
    }

    /**
     * The will of a session that ended while the broker was down (its expiry passed): published
     * at start-up, once, since its session is gone [MQTT-3.1.2-8].
     */
    public void willOfSessionEndedWhileDown(String clientId, Will will) {
        wills.publish(clientId, will);
    }

    private void fireDelayedWill(ClientSession session, long generation, long disconnectedAtMillis) {
        if (session.generation() == generation && !session.isOnline()) {
            Will will = session.takePendingWill();
            if (will != null) {
                wills.publish(session.clientId(), will);
                if (!session.isEnded() && !session.state().expiry().endsAtDisconnect()) {
                    // The session goes on without its will; the stored record must say so, or a
                    // restart would publish it a second time.
                    recorder.sessionSaved(new StoredSession(session.clientId(), session.state().expiry(), null,
                            disconnectedAtMillis));
                }
            }
        }
    }

    private void expire(ClientSession session, long generation) {
        if (session.generation() != generation || session.isOnline() || session.isEnded()) {
            return;
        }
        LOG.debug("{}: session expired", session.clientId());
        Will will = session.takePendingWill();
        if (will != null) {
            wills.publish(session.clientId(), will);
        }
        sessionEnd.end(session);
        if (events.enabled()) {
            events.emit(new BrokerEvent.SessionExpired(clock.instant(), session.clientId()));
        }
    }

    /** How this service makes sessions, for those restored from the store. */
    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /**
     * A session for {@code clientId} owned by {@code owner} until a connection attaches it, with the
     * queue and in-flight bounds of the settings and, when {@code limits.delivery.rate} is set, its bucket.
     */
    public ClientSession newSession(String clientId, SessionExpiry expiry, TaskExecutor owner) {
        return sessionFactory.newSession(clientId, expiry, owner);
    }
}
