package dev.tern.application.admin;

import dev.tern.application.port.in.admin.ClientDetail;
import dev.tern.application.port.in.admin.ClientQuery;
import dev.tern.application.port.in.admin.ClientSummary;
import dev.tern.application.port.in.admin.Page;
import dev.tern.application.port.in.admin.PageRequest;
import dev.tern.application.port.in.admin.SubscriptionView;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SessionRegistry;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads sessions for administrators. The listing uses only what any thread may read of a session
 * (its id, the online hint, the last attachment), so it never waits for a session; the detail is
 * read inside the session's executor.
 *
 * <p>Threading: thread-safe; call from admin worker threads.
 */
final class ClientQueries {

    private final SessionRegistry sessions;

    ClientQueries(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    Page<ClientSummary> list(ClientQuery query, PageRequest page) {
        List<ClientSummary> found = new ArrayList<>();
        for (ClientSession session : sessions.all()) {
            ClientSummary summary = summary(session);
            if (query.accepts(summary)) {
                found.add(summary);
            }
        }
        found.sort(Comparator.comparing(ClientSummary::clientId));
        return Page.of(found, page);
    }

    Optional<ClientDetail> detail(String clientId) {
        ClientSession session = sessions.get(clientId);
        if (session == null) {
            return Optional.empty();
        }
        return SessionCalls.call(session, ClientQueries::detailInside);
    }

    private static ClientDetail detailInside(ClientSession session) {
        List<SubscriptionView> subscriptions = new ArrayList<>();
        for (Subscription subscription : session.state().subscriptions()) {
            SubscriptionOptions options = subscription.options();
            subscriptions.add(new SubscriptionView(subscription.filter().value(), options.qos().value(),
                    options.noLocal(), options.retainAsPublished(), options.retainHandling().ordinal(),
                    options.hasSubscriptionId() ? options.subscriptionId() : 0));
        }
        subscriptions.sort(Comparator.comparing(SubscriptionView::filter));
        long expiry = session.state().expiry().never() ? -1 : session.state().expiry().seconds();
        return new ClientDetail(summary(session), expiry, subscriptions, session.state().queuedCount(),
                session.state().inflightCount());
    }

    static ClientSummary summary(ClientSession session) {
        ClientSession.Attachment last = session.lastAttachment();
        if (last == null) {
            return new ClientSummary(session.clientId(), session.isOnline(), null, null, 0, null);
        }
        return new ClientSummary(session.clientId(), session.isOnline(), last.username(), last.address(),
                last.protocolLevel(), Instant.ofEpochMilli(last.atMillis()));
    }
}
