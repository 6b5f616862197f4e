package dev.tern.application.admin;

import dev.tern.application.port.in.admin.AdminOutcome;
import dev.tern.application.port.in.admin.AdminPublish;
import dev.tern.application.port.in.admin.BrokerAdmin;
import dev.tern.application.port.in.admin.BrokerOverview;
import dev.tern.application.port.in.admin.ClientDetail;
import dev.tern.application.port.in.admin.ClientQuery;
import dev.tern.application.port.in.admin.ClientSummary;
import dev.tern.application.port.in.admin.FileReload;
import dev.tern.application.port.in.admin.Page;
import dev.tern.application.port.in.admin.PageRequest;
import dev.tern.application.port.in.admin.RetainedView;
import dev.tern.application.port.plugin.Reloadable;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.service.PublishService;
import dev.tern.application.service.SessionEndService;
import dev.tern.application.service.SubscribeService;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.sys.BrokerStatistics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link BrokerAdmin} over the engine's own structures; each concern lives in its own class.
 *
 * <p>Threading: thread-safe; see {@link BrokerAdmin}.
 */
public final class EngineBrokerAdmin implements BrokerAdmin {

    private final ClientQueries queries;
    private final ClientActions actions;
    private final AdminPublisher publisher;
    private final RetainedAdmin retained;
    private final BrokerStatistics statistics;
    private final BrokerDescription description;
    private final List<Reloadable> reloadables;
    private final Clock clock;

    /** @param reloadables the security adapters with files; empty when there are none */
    public EngineBrokerAdmin(SessionRegistry sessions, SubscribeService subscriptions, SessionEndService sessionEnd,
            PublishService publish, RetainedMessages retainedMessages, BrokerStatistics statistics,
            BrokerDescription description, List<Reloadable> reloadables, Clock clock) {
        this.queries = new ClientQueries(sessions);
        this.actions = new ClientActions(sessions, subscriptions, sessionEnd);
        this.publisher = new AdminPublisher(publish);
        this.retained = new RetainedAdmin(retainedMessages, clock);
        this.statistics = statistics;
        this.description = description;
        this.reloadables = List.copyOf(reloadables);
        this.clock = clock;
    }

    @Override
    public Page<ClientSummary> clients(ClientQuery query, PageRequest page) {
        return queries.list(query, page);
    }

    @Override
    public Optional<ClientDetail> client(String clientId) {
        return queries.detail(clientId);
    }

    @Override
    public AdminOutcome kick(String clientId, boolean discardSession) {
        return actions.kick(clientId, discardSession);
    }

    @Override
    public AdminOutcome subscribe(String clientId, String filter, int qos) {
        return actions.subscribe(clientId, filter, qos);
    }

    @Override
    public AdminOutcome unsubscribe(String clientId, String filter) {
        return actions.unsubscribe(clientId, filter);
    }

    @Override
    public AdminOutcome publish(AdminPublish message) {
        return publisher.publish(message);
    }

    @Override
    public Page<RetainedView> retained(String filter, PageRequest page) {
        return retained.list(filter, page);
    }

    @Override
    public Optional<RetainedView> retainedMessage(String topic) {
        return retained.get(topic);
    }

    @Override
    public AdminOutcome deleteRetained(String topic) {
        return retained.delete(topic);
    }

    @Override
    public BrokerOverview broker() {
        long uptime = Duration.between(description.startedAt(), clock.instant()).toSeconds();
        return new BrokerOverview(description.version(), description.nodeName(), description.startedAt(),
                Math.max(0, uptime), description.listeners().get(), description.storage());
    }

    @Override
    public Map<String, Long> metricsSummary() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("clients_connected", statistics.clientsConnected());
        counts.put("clients_maximum", statistics.clientsMaximum());
        counts.put("sessions", statistics.sessions());
        counts.put("connections_total", statistics.connections());
        counts.put("subscriptions", statistics.subscriptions());
        counts.put("retained_messages", statistics.retainedMessages());
        counts.put("messages_received", statistics.messagesReceived());
        counts.put("messages_sent", statistics.messagesSent());
        counts.put("publish_received", statistics.publishReceived());
        counts.put("publish_sent", statistics.publishSent());
        counts.put("publish_dropped", statistics.publishDropped());
        counts.put("bytes_received", statistics.bytesReceived());
        counts.put("bytes_sent", statistics.bytesSent());
        return counts;
    }

    @Override
    public Optional<List<FileReload>> reloadSecurity() {
        if (reloadables.isEmpty()) {
            return Optional.empty();
        }
        List<FileReload> files = new ArrayList<>();
        reloadables.forEach(reloadable -> files.addAll(reloadable.reload()));
        return Optional.of(files);
    }
}
