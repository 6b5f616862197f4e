package dev.tern.adapters.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.Readiness;
import dev.tern.application.port.plugin.AdminContext;
import dev.tern.application.port.plugin.NetworkListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description and the served routes agree: every documented operation answers on the
 * real server (with a key) with something other than "no such endpoint" or 405, and every route
 * is documented.
 */
class OpenApiCoverageTest {

    private static final String KEY = "k-123";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    @Test
    void everyDocumentedOperationIsServedAndEveryRouteDocumented() throws Exception {
        AdminContext context = new AdminContext(() -> new Readiness.Report(true, Map.of()), null,
                key -> key.equals(KEY) ? Optional.of("ops") : Optional.empty(), new FakeBrokerAdmin());
        NetworkListener server = new AdminHttpProvider().create("admin-http",
                new AdminHttpProvider.Settings("127.0.0.1", 0, Optional.empty(), Optional.empty()), context);
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> description = http.send(HttpRequest.newBuilder(URI.create(base + ApiRoutes.OPENAPI))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(description.statusCode()).as("served without a key").isEqualTo(200);
            Map<?, ?> paths = (Map<?, ?>) ((Map<?, ?>) JsonReader.parse(description.body())).get("paths");

            Set<String> documented = new TreeSet<>();
            for (Map.Entry<?, ?> path : paths.entrySet()) {
                for (Object method : ((Map<?, ?>) path.getValue()).keySet()) {
                    if (METHODS.contains(method)) {
                        documented.add(method.toString().toUpperCase() + " " + path.getKey());
                    }
                }
            }
            Set<String> served = new TreeSet<>();
            ApiRoutes.router(new FakeBrokerAdmin()).routes().forEach(r -> served.add(r.method() + " " + r.template()));
            served.add("GET " + WatchEndpoint.PATH); // streamed by WatchEndpoint, not a router route
            assertThat(documented).isEqualTo(served);

            for (String operation : documented) {
                String method = operation.substring(0, operation.indexOf(' '));
                String path = operation.substring(operation.indexOf(' ') + 1).replace("{id}", "sensor-1")
                        .replace("{topic}", "a/b");
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + KEY)
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(operation).isNotEqualTo(405).isNotEqualTo(401);
                assertThat(answer.body()).as(operation).doesNotContain(ApiRouter.NO_SUCH_ENDPOINT);
            }
        } finally {
            server.stop();
        }
    }
}
