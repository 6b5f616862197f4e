package dev.tern.application.service;

import dev.tern.application.config.LimitsSettings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SerialExecutor;
import dev.tern.domain.delivery.TokenBucket;
import dev.tern.domain.session.Session;
import dev.tern.domain.session.SessionExpiry;
import dev.tern.domain.session.SessionLimits;
import java.time.Clock;

/**
 * Makes the {@link ClientSession} of a client id with the queue and in-flight bounds of the
 * settings and, when {@code limits.delivery.rate} is set, its delivery bucket: for a connect, a
 * restore at start-up, or a session loaded from the store by a cluster node.
 *
 * <p>Threading: thread-safe; the session it returns is confined to its executor from then on.
 */
public final class SessionFactory {

    private final LimitsSettings limits;
    private final Clock clock;
    /** One value for every session: each holds a reference to it, not bounds of its own. */
    private final SessionLimits sessionLimits;

    public SessionFactory(MqttSettings settings, LimitsSettings limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.sessionLimits = new SessionLimits(settings.maxInflight(), limits.maxInflightBytes(),
                settings.maxQueuedMessages(), limits.maxQueuedBytes(), settings.overflowPolicy());
    }

    /** A session for {@code clientId} owned by {@code owner} until a connection attaches it. */
    public ClientSession newSession(String clientId, SessionExpiry expiry, TaskExecutor owner) {
        Session state = new Session(clientId, expiry, sessionLimits);
        if (limits.limitsDeliveryRate()) {
            state.limitDeliveryRate(new TokenBucket(limits.deliveryRate(), limits.deliveryBurst(), clock.millis()));
        }
        return new ClientSession(state, new SerialExecutor(owner));
    }
}
