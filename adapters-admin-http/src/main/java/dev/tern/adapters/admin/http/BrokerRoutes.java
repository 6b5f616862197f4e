package dev.tern.adapters.admin.http;

import dev.tern.application.port.in.admin.BrokerAdmin;
import dev.tern.application.port.in.admin.BrokerOverview;
import dev.tern.application.port.in.admin.FileReload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/broker}, {@code /api/v1/metrics/summary} and {@code /api/v1/security/reload}.
 *
 * <p>Threading: stateless; runs on admin worker threads.
 */
final class BrokerRoutes {

    private final BrokerAdmin admin;

    BrokerRoutes(BrokerAdmin admin) {
        this.admin = admin;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "/api/v1/broker", request -> ApiResponse.ok(overview(admin.broker()))),
                new Route("GET", "/api/v1/metrics/summary", request -> ApiResponse.ok(admin.metricsSummary())),
                new Route("POST", "/api/v1/security/reload", request -> reload()));
    }

    private ApiResponse reload() {
        Optional<List<FileReload>> files = admin.reloadSecurity();
        if (files.isEmpty()) {
            return ApiResponse.error(409, "no security files to reload: the authenticator and authorizer read none");
        }
        boolean allLoaded = files.get().stream().allMatch(FileReload::loaded);
        List<Object> list = files.get().stream().map(file -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kind", file.kind());
            out.put("path", file.path());
            out.put("loaded", file.loaded());
            out.put("problem", file.problem());
            return (Object) out;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("files", list);
        if (!allLoaded) {
            body.put("error", "some files could not be used; their previous content stays in force");
        }
        return new ApiResponse(allLoaded ? 200 : 422, Json.write(body));
    }

    private static Map<String, Object> overview(BrokerOverview broker) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", broker.version());
        out.put("node", broker.nodeName());
        out.put("started_at", broker.startedAt().toString());
        out.put("uptime_seconds", broker.uptimeSeconds());
        out.put("listeners", broker.listeners().stream().map(listener -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", listener.name());
            one.put("address", listener.address());
            one.put("port", listener.port());
            return (Object) one;
        }).toList());
        out.put("storage", broker.storage());
        return out;
    }
}
