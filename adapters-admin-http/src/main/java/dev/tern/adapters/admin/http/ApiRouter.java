package dev.tern.adapters.admin.http;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the route of an API request and runs it: 404 when no template fits the path, 405 (with
 * the allowed methods in the message) when one fits but not for this method, 400 naming the field for bad input.
 *
 * <p>Threading: immutable; used by the admin worker threads concurrently.
 */
final class ApiRouter {

    static final String NO_SUCH_ENDPOINT = "no such endpoint: ";

    private final List<Route> routes;

    ApiRouter(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    List<Route> routes() {
        return routes;
    }

    ApiResponse handle(ApiRequest request) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> parameters = route.match(request.path());
            if (parameters == null) {
                continue;
            }
            if (!route.method().equals(request.method())) {
                allowed.add(route.method());
                continue;
            }
            try {
                return route.action().apply(request.withPathParameters(parameters));
            } catch (BadInput e) {
                return ApiResponse.badInput(e.field(), e.getMessage());
            }
        }
        if (allowed.isEmpty()) {
            return ApiResponse.error(404, NO_SUCH_ENDPOINT + request.path());
        }
        return ApiResponse.error(405, "allowed on " + request.path() + ": " + String.join(", ", allowed));
    }
}
