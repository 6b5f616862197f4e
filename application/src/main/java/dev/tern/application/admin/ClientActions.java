package dev.tern.application.admin;

import dev.tern.application.port.in.admin.AdminOutcome;
import dev.tern.application.port.out.ClientIdentity;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.service.SessionEndService;
import dev.tern.application.service.SubscribeService;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.PacketSink;
import dev.tern.application.session.SessionRegistry;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import java.util.Optional;
import java.util.function.Function;

/**
 * What administrators do to a session: disconnect it, end it, subscribe and unsubscribe it. Each
 * runs inside the session's executor, through the services a client's own packets use.
 *
 * <p>Threading: thread-safe; call from admin worker threads.
 */
final class ClientActions {

    private final SessionRegistry sessions;
    private final SubscribeService subscriptions;
    private final SessionEndService sessionEnd;

    ClientActions(SessionRegistry sessions, SubscribeService subscriptions, SessionEndService sessionEnd) {
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.sessionEnd = sessionEnd;
    }

    AdminOutcome kick(String clientId, boolean discardSession) {
        return inside(clientId, session -> {
            PacketSink connection = session.connection();
            if (connection == null && !discardSession) {
                return new AdminOutcome.Refused(clientId + " is not connected; discard its session with session=true");
            }
            if (connection != null) {
                // The connection's close detaches the session later, as for any abnormal end: the will
                // fires, the session stays for its expiry, unless it is ended just below.
                connection.abort(ReasonCode.ADMINISTRATIVE_ACTION, "disconnected by an administrator");
            }
            if (discardSession) {
                sessionEnd.end(session);
            }
            if (connection == null) {
                return new AdminOutcome.Done("discarded the session of " + clientId);
            }
            return new AdminOutcome.Done("disconnected " + clientId + (discardSession ? " and discarded its session" : ""));
        });
    }

    AdminOutcome subscribe(String clientId, String filterText, int qos) {
        TopicFilter filter = TopicFilter.parseOrNull(filterText);
        if (filter == null) {
            return new AdminOutcome.Rejected("filter", "not a valid topic filter: " + filterText);
        }
        if (!Qos.isValid(qos)) {
            return new AdminOutcome.Rejected("qos", "qos must be 0, 1 or 2");
        }
        Subscription subscription = new Subscription(clientId, filter, SubscriptionOptions.ofQos(Qos.of(qos)));
        return inside(clientId, session -> subscriptions.subscribeOnBehalf(session, identity(session), subscription)
                ? new AdminOutcome.Done("subscribed " + clientId + " to " + filterText)
                : new AdminOutcome.Refused("the authorizer does not let " + clientId + " subscribe to " + filterText));
    }

    AdminOutcome unsubscribe(String clientId, String filterText) {
        return inside(clientId, session -> subscriptions.unsubscribeOnBehalf(session, filterText)
                ? new AdminOutcome.Done("unsubscribed " + clientId + " from " + filterText)
                : new AdminOutcome.NotFound(clientId + " has no subscription to " + filterText));
    }

    /** The identity the client connected with; a restored session never attached since has no user name. */
    private static ClientIdentity identity(ClientSession session) {
        if (session.connection() != null && session.connection().identity() != null) {
            return session.connection().identity();
        }
        ClientSession.Attachment last = session.lastAttachment();
        return new ClientIdentity(session.clientId(), last == null ? null : last.username());
    }

    private AdminOutcome inside(String clientId, Function<ClientSession, AdminOutcome> work) {
        ClientSession session = sessions.get(clientId);
        Optional<AdminOutcome> outcome = session == null ? Optional.empty() : SessionCalls.call(session, work);
        return outcome.orElseGet(() -> new AdminOutcome.NotFound("no session for client " + clientId));
    }
}
