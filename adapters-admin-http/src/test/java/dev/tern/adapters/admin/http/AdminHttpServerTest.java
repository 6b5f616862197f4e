package dev.tern.adapters.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.MetricsExposition;
import dev.tern.application.port.out.Readiness;
import dev.tern.application.port.plugin.AdminContext;
import dev.tern.application.port.plugin.NetworkListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminHttpServerTest {

    private static final String KEY = "tern_secret";

    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicBoolean scraped = new AtomicBoolean();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private NetworkListener server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private String start(MetricsExposition metrics) throws Exception {
        Readiness readiness = () -> new Readiness.Report(ready.get(), Map.of("listeners", ready.get() ? "bound" : "not bound"));
        AdminContext context = new AdminContext(readiness, metrics,
                key -> key.equals(KEY) ? Optional.of("ops") : Optional.empty(), new FakeBrokerAdmin());
        server = new AdminHttpProvider().create("admin-http",
                new AdminHttpProvider.Settings("127.0.0.1", 0, Optional.empty(), Optional.empty()), context);
        server.start();
        assertThat(server.port()).isPositive();
        assertThat(server.address()).isEqualTo("http://127.0.0.1:" + server.port());
        return "http://127.0.0.1:" + server.port();
    }

    private MetricsExposition metrics() {
        return new MetricsExposition() {
            @Override
            public String contentType() {
                return "text/plain; version=0.0.4; charset=utf-8";
            }

            @Override
            public String scrape() {
                scraped.set(true);
                return "tern_up 1.0\n";
            }
        };
    }

    @Test
    void livenessNeedsNoKeyAndReadinessFollowsTheBroker() throws Exception {
        String base = start(metrics());

        assertThat(get(base + "/health/live", null).statusCode()).isEqualTo(200);
        HttpResponse<String> notReady = get(base + "/health/ready", null);
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).isEqualTo("{\"status\": \"not ready\", \"checks\": {\"listeners\": \"not bound\"}}");
        ready.set(true);
        assertThat(get(base + "/health/ready", null).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsNeedABearerKey() throws Exception {
        String base = start(metrics());

        HttpResponse<String> none = get(base + "/metrics", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(none.body()).startsWith("{\"error\": \"a valid API key is required");
        assertThat(get(base + "/metrics", "wrong").statusCode()).isEqualTo(401);
        assertThat(scraped).isFalse();

        HttpResponse<String> ok = get(base + "/metrics", KEY);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(ok.body()).isEqualTo("tern_up 1.0\n");
    }

    @Test
    void errorsAreJson() throws Exception {
        String base = start(null);

        HttpResponse<String> off = get(base + "/metrics", KEY);
        assertThat(off.statusCode()).isEqualTo(404);
        assertThat(off.body()).isEqualTo("{\"error\": \"metrics are off (metrics.backend=none)\"}");
        assertThat(get(base + "/admin", null).body()).isEqualTo("{\"error\": \"no such endpoint: /admin\"}");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/health/live"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void throwingReadinessIsA500WithoutAStackTrace() throws Exception {
        AdminContext context = new AdminContext(() -> {
            throw new IllegalStateException("boom");
        }, null, key -> Optional.empty(), new FakeBrokerAdmin());
        server = new AdminHttpProvider().create("admin-http",
                new AdminHttpProvider.Settings("127.0.0.1", 0, Optional.empty(), Optional.empty()), context);
        server.start();

        HttpResponse<String> response = get("http://127.0.0.1:" + server.port() + "/health/ready", null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\": \"internal error\"}");
    }

    @Test
    void dashboardFilesArePublicWithAStrictContentSecurityPolicy() throws Exception {
        String base = start(metrics());

        HttpResponse<String> page = get(base + "/dashboard/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).startsWith("default-src 'self'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\">")
                .doesNotContain("onclick=", "onsubmit=", "style=");
        for (String file : new String[] {"app.js", "api.js", "views.js", "dashboard.css", "vendor/uPlot.esm.js",
                "vendor/uPlot.min.css"}) {
            HttpResponse<String> asset = get(base + "/dashboard/" + file, null);
            assertThat(asset.statusCode()).as(file).isEqualTo(200);
            assertThat(asset.body()).as(file).isNotEmpty();
        }
        assertThat(get(base + "/dashboard/vendor/uPlot.esm.js", null).headers().firstValue("Content-Type"))
                .hasValue("text/javascript; charset=utf-8");
        HttpResponse<String> bare = get(base + "/dashboard", null);
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(bare.headers().firstValue("Location")).hasValue("/dashboard/");
        assertThat(get(base + "/dashboard/openapi.json", null).statusCode()).isEqualTo(404);
        assertThat(get(base + "/dashboard/%2e%2e/AdminHandler.class", null).statusCode()).isEqualTo(404);
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(Json.string("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    private HttpResponse<String> get(String uri, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
