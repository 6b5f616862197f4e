package dev.tern.adapters.admin.http;

import dev.tern.application.port.out.MetricsExposition;
import dev.tern.application.port.out.Readiness;
import dev.tern.application.port.plugin.AdminContext;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin endpoints. {@code GET /health/live} (no key): the process answers.
 * {@code GET /health/ready} (no key): 200 when the broker serves, 503 otherwise, with each check.
 * {@code GET /metrics} ({@code Authorization: Bearer <key>}): the meters as Prometheus text.
 * {@code /api/v1/...} (with a key, except the OpenAPI description): the admin API, see {@link ApiRoutes}.
 * {@code /dashboard/} (no key): the dashboard's static files, see {@link DashboardFiles}.
 * Every error is a JSON object {@code {"error": "..."}}, never a stack trace. Requests are logged
 * with the name of the key they presented (health probes at DEBUG, since orchestrators poll them).
 *
 * <p>Threading: each request is moved off Undertow's I/O thread to its worker threads first.
 */
final class AdminHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);
    private static final String JSON = "application/json";
    private static final String BEARER = "Bearer ";

    /** Request bodies are small JSON objects; a larger one is refused (413) unread. */
    static final int MAX_BODY = 64 * 1024;

    private final AdminContext context;
    private final ApiRouter api;
    private final DashboardFiles dashboard = new DashboardFiles();
    private final WatchEndpoint watch;

    AdminHandler(AdminContext context) {
        this.context = context;
        this.api = ApiRoutes.router(context.admin());
        this.watch = new WatchEndpoint(context.watches());
    }

    /** Releases what the handler runs besides requests: the watch streams. */
    void close() {
        watch.close();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        String path = exchange.getRequestPath();
        String who = "-";
        int status;
        try {
            if (path.startsWith(ApiRoutes.PREFIX)) {
                Optional<String> key = path.equals(ApiRoutes.OPENAPI) ? Optional.of("-") : authenticate(exchange);
                who = key.orElse("-");
                if (key.isEmpty()) {
                    status = unauthorized(exchange);
                } else if (path.equals(WatchEndpoint.PATH)) {
                    status = watchStream(exchange, path);
                } else {
                    status = api(exchange, path);
                }
            } else if (path.equals("/dashboard") || path.startsWith(DashboardFiles.PREFIX)) {
                status = dashboard(exchange, path);
            } else if (!path.equals("/health/live") && !path.equals("/health/ready") && !path.equals("/metrics")) {
                status = error(exchange, 404, "no such endpoint: " + path);
            } else if (!exchange.getRequestMethod().equals(Methods.GET)) {
                exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
                status = error(exchange, 405, "only GET is allowed on " + path);
            } else if (path.equals("/health/live")) {
                status = send(exchange, 200, JSON, "{\"status\": \"live\"}");
            } else if (path.equals("/health/ready")) {
                status = ready(exchange);
            } else {
                Optional<String> key = authenticate(exchange);
                who = key.orElse("-");
                status = key.isEmpty() ? unauthorized(exchange) : metrics(exchange);
            }
        } catch (RuntimeException | IOException e) {
            LOG.error("admin request {} {} failed: {}", exchange.getRequestMethod(), path, e.toString());
            status = exchange.isResponseStarted() ? 500 : error(exchange, 500, "internal error");
        }
        log(exchange, path, status, who);
    }

    /** The watch stream is not a router route: only GET, answered by {@link WatchEndpoint}. */
    private int watchStream(HttpServerExchange exchange, String path) {
        if (!exchange.getRequestMethod().equals(Methods.GET)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
            return error(exchange, 405, "only GET is allowed on " + path);
        }
        return watch.start(exchange);
    }

    /** Public static files (they hold no data); the page's API calls carry the key. */
    private int dashboard(HttpServerExchange exchange, String path) {
        if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            return error(exchange, 405, "only GET is allowed on " + path);
        }
        if (path.equals("/dashboard")) {
            exchange.getResponseHeaders().put(Headers.LOCATION, DashboardFiles.PREFIX);
            return send(exchange, 308, JSON, "{\"location\": \"" + DashboardFiles.PREFIX + "\"}");
        }
        Optional<DashboardFiles.Asset> asset = dashboard.find(path);
        if (asset.isEmpty()) {
            return error(exchange, 404, "no such endpoint: " + path);
        }
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, asset.get().contentType());
        exchange.getResponseHeaders().put(Headers.CONTENT_SECURITY_POLICY, DashboardFiles.CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
        exchange.getResponseHeaders().put(Headers.REFERRER_POLICY, "no-referrer");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        exchange.getResponseSender().send(ByteBuffer.wrap(asset.get().bytes()));
        return 200;
    }

    private static void log(HttpServerExchange exchange, String path, int status, String who) {
        if (path.startsWith("/health/") && status < 400) {
            LOG.debug("admin {} {} {} -> {} (key {})", exchange.getSourceAddress(), exchange.getRequestMethod(), path,
                    status, who);
        } else {
            LOG.info("admin {} {} {} -> {} (key {})", exchange.getSourceAddress(), exchange.getRequestMethod(), path,
                    status, who);
        }
    }

    private int api(HttpServerExchange exchange, String path) throws IOException {
        Map<String, List<String>> query = new HashMap<>();
        exchange.getQueryParameters().forEach((name, values) -> query.put(name, List.copyOf(values)));
        exchange.startBlocking();
        byte[] body = exchange.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return error(exchange, 413, "request body larger than " + MAX_BODY + " bytes");
        }
        ApiResponse response = api.handle(new ApiRequest(exchange.getRequestMethod().toString(), path, query,
                new String(body, StandardCharsets.UTF_8), Map.of()));
        return send(exchange, response.status(), JSON, response.body());
    }

    private Optional<String> authenticate(HttpServerExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return context.apiKeys().verify(header.substring(BEARER.length()).strip());
    }

    private static int unauthorized(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
        return error(exchange, 401, "a valid API key is required: Authorization: Bearer <key> (see tern apikey)");
    }

    private int ready(HttpServerExchange exchange) {
        Readiness.Report report = context.readiness().report();
        StringBuilder body = new StringBuilder("{\"status\": \"").append(report.ready() ? "ready" : "not ready")
                .append("\", \"checks\": {");
        String separator = "";
        for (Map.Entry<String, String> check : report.checks().entrySet()) {
            body.append(separator).append(Json.string(check.getKey())).append(": ").append(Json.string(check.getValue()));
            separator = ", ";
        }
        body.append("}}");
        return send(exchange, report.ready() ? 200 : 503, JSON, body.toString());
    }

    private int metrics(HttpServerExchange exchange) {
        MetricsExposition metrics = context.metrics();
        if (metrics == null) {
            return error(exchange, 404, "metrics are off (metrics.backend=none)");
        }
        return send(exchange, 200, metrics.contentType(), metrics.scrape());
    }

    /** Sends an API answer as JSON. */
    static int json(HttpServerExchange exchange, ApiResponse response) {
        return send(exchange, response.status(), JSON, response.body());
    }

    private static int error(HttpServerExchange exchange, int status, String message) {
        return send(exchange, status, JSON, "{\"error\": " + Json.string(message) + "}");
    }

    private static int send(HttpServerExchange exchange, int status, String contentType, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(body);
        return status;
    }
}
