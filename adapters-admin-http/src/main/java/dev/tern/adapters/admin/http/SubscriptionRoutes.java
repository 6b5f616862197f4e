package dev.tern.adapters.admin.http;

import dev.tern.application.port.in.admin.BrokerAdmin;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/clients/{id}/subscriptions}: subscribe and unsubscribe on a client's behalf.
 *
 * <p>Threading: stateless; runs on admin worker threads.
 */
final class SubscriptionRoutes {

    private final BrokerAdmin admin;

    SubscriptionRoutes(BrokerAdmin admin) {
        this.admin = admin;
    }

    List<Route> routes() {
        return List.of(new Route("POST", "/api/v1/clients/{id}/subscriptions", this::subscribe),
                new Route("DELETE", "/api/v1/clients/{id}/subscriptions", this::unsubscribe));
    }

    private ApiResponse subscribe(ApiRequest request) {
        Map<String, Object> body = request.jsonObject();
        String filter = ApiRequest.string(body, "filter", true);
        int qos = ApiRequest.integer(body, "qos", 0, 0, 2);
        return ApiResponse.of(admin.subscribe(request.pathParameter("id"), filter, qos));
    }

    private ApiResponse unsubscribe(ApiRequest request) {
        return ApiResponse.of(admin.unsubscribe(request.pathParameter("id"), request.requiredQuery("filter")));
    }
}
