package dev.tern.adapters.admin.http;

import dev.tern.application.port.in.admin.BrokerAdmin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every route of the admin API, and its OpenAPI description, served as is at {@value #OPENAPI}.
 * The description is public (no key): it tells nothing about the broker's state, and tools read it
 * before they have a key.
 */
final class ApiRoutes {

    static final String PREFIX = "/api/v1/";
    static final String OPENAPI = "/api/v1/openapi.json";

    private ApiRoutes() {
    }

    static ApiRouter router(BrokerAdmin admin) {
        String openApi = openApi();
        List<Route> routes = new ArrayList<>();
        routes.addAll(new ClientRoutes(admin).routes());
        routes.addAll(new SubscriptionRoutes(admin).routes());
        routes.addAll(new PublishRoutes(admin).routes());
        routes.addAll(new RetainedRoutes(admin).routes());
        routes.addAll(new BrokerRoutes(admin).routes());
        routes.add(new Route("GET", OPENAPI, request -> new ApiResponse(200, openApi)));
        return new ApiRouter(routes);
    }

    static String openApi() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the admin adapter");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
