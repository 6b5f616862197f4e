package dev.tern.adapters.admin.http;

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
import dev.tern.application.port.in.admin.SubscriptionView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A broker of two clients and one retained message, remembering what it was asked to do. */
final class FakeBrokerAdmin implements BrokerAdmin {

    final Map<String, ClientSummary> clients = new TreeMap<>();
    final Map<String, RetainedView> retained = new TreeMap<>();
    final List<String> calls = new ArrayList<>();
    final List<AdminPublish> published = new ArrayList<>();
    Optional<List<FileReload>> reload = Optional.empty();

    FakeBrokerAdmin() {
        clients.put("sensor-1", new ClientSummary("sensor-1", true, "alice", "10.0.0.1:5000", 5,
                Instant.parse("2026-01-01T00:00:00Z")));
        clients.put("sensor-2", new ClientSummary("sensor-2", false, "bob", "10.0.0.2:5000", 4,
                Instant.parse("2026-01-01T00:00:00Z")));
        retained.put("a/b", new RetainedView("a/b", "on".getBytes(), 1, "sensor-1"));
    }

    @Override
    public Page<ClientSummary> clients(ClientQuery query, PageRequest page) {
        return Page.of(clients.values().stream().filter(query::accepts).toList(), page);
    }

    @Override
    public Optional<ClientDetail> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId)).map(summary -> new ClientDetail(summary, 60,
                List.of(new SubscriptionView("a/#", 1, false, false, 0, 0)), 2, 1));
    }

    @Override
    public AdminOutcome kick(String clientId, boolean discardSession) {
        calls.add("kick " + clientId + " " + discardSession);
        return known(clientId);
    }

    @Override
    public AdminOutcome subscribe(String clientId, String filter, int qos) {
        calls.add("subscribe " + clientId + " " + filter + " " + qos);
        return known(clientId);
    }

    @Override
    public AdminOutcome unsubscribe(String clientId, String filter) {
        calls.add("unsubscribe " + clientId + " " + filter);
        return known(clientId);
    }

    @Override
    public AdminOutcome publish(AdminPublish message) {
        published.add(message);
        return new AdminOutcome.Done("published");
    }

    @Override
    public Page<RetainedView> retained(String filter, PageRequest page) {
        calls.add("retained " + filter);
        return Page.of(List.copyOf(retained.values()), page);
    }

    @Override
    public Optional<RetainedView> retainedMessage(String topic) {
        return Optional.ofNullable(retained.get(topic));
    }

    @Override
    public AdminOutcome deleteRetained(String topic) {
        return retained.remove(topic) != null ? new AdminOutcome.Done("deleted")
                : new AdminOutcome.NotFound("no retained message on " + topic);
    }

    @Override
    public BrokerOverview broker() {
        return new BrokerOverview("1.2.3", "node-a", Instant.parse("2026-01-01T00:00:00Z"), 42,
                List.of(new BrokerOverview.ListenerView("tcp", "tcp://0.0.0.0:1883", 1883)), "memory");
    }

    @Override
    public Map<String, Long> metricsSummary() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("clients_connected", 1L);
        return counts;
    }

    @Override
    public Optional<List<FileReload>> reloadSecurity() {
        return reload;
    }

    private AdminOutcome known(String clientId) {
        return clients.containsKey(clientId) ? new AdminOutcome.Done("done")
                : new AdminOutcome.NotFound("no session for client " + clientId);
    }
}
