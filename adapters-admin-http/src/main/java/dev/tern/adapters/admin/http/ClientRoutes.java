package dev.tern.adapters.admin.http;

import dev.tern.application.port.in.admin.BrokerAdmin;
import dev.tern.application.port.in.admin.ClientDetail;
import dev.tern.application.port.in.admin.ClientQuery;
import dev.tern.application.port.in.admin.ClientSummary;
import dev.tern.application.port.in.admin.SubscriptionView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/clients}: list with filters, one client's session, kick.
 *
 * <p>Threading: stateless; runs on admin worker threads.
 */
final class ClientRoutes {

    private final BrokerAdmin admin;

    ClientRoutes(BrokerAdmin admin) {
        this.admin = admin;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "/api/v1/clients", this::list),
                new Route("GET", "/api/v1/clients/{id}", this::detail),
                new Route("DELETE", "/api/v1/clients/{id}", this::kick));
    }

    private ApiResponse list(ApiRequest request) {
        ClientQuery query = new ClientQuery(request.queryParameter("clientid"), request.queryParameter("username"),
                request.queryParameter("address"), request.booleanQuery("connected"));
        return ApiResponse.ok(Paging.json(admin.clients(query, Paging.of(request)), ClientRoutes::summary));
    }

    private ApiResponse detail(ApiRequest request) {
        String id = request.pathParameter("id");
        return admin.client(id).map(ClientRoutes::detail).map(ApiResponse::ok)
                .orElseGet(() -> ApiResponse.error(404, "no session for client " + id));
    }

    private ApiResponse kick(ApiRequest request) {
        boolean discard = request.booleanQuery("session").orElse(false);
        return ApiResponse.of(admin.kick(request.pathParameter("id"), discard));
    }

    static Map<String, Object> summary(ClientSummary client) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clientid", client.clientId());
        out.put("connected", client.connected());
        out.put("username", client.username());
        out.put("address", client.address());
        out.put("protocol", client.protocolLevel() == 0 ? null : client.protocolLevel());
        out.put("connected_at", client.connectedAt() == null ? null : client.connectedAt().toString());
        return out;
    }

    private static Map<String, Object> detail(ClientDetail detail) {
        Map<String, Object> out = summary(detail.summary());
        out.put("session_expiry", detail.sessionExpirySeconds());
        out.put("queued", detail.queued());
        out.put("inflight", detail.inflight());
        out.put("subscriptions", detail.subscriptions().stream().map(ClientRoutes::subscription).toList());
        return out;
    }

    private static Map<String, Object> subscription(SubscriptionView subscription) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("filter", subscription.filter());
        out.put("qos", subscription.qos());
        out.put("no_local", subscription.noLocal());
        out.put("retain_as_published", subscription.retainAsPublished());
        out.put("retain_handling", subscription.retainHandling());
        out.put("subscription_id", subscription.subscriptionId());
        return out;
    }
}
