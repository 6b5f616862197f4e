package dev.tern.adapters.admin.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's static files, read once from the classpath: the page, its style and script
 * modules (this adapter's resources) and uPlot (from its webjar). Only the names listed here are
 * served, so no request path ever reaches the class loader. The files hold no broker data, so
 * they are public; the page asks for an API key and sends it with each API call.
 *
 * <p>Threading: immutable after construction; read by the admin worker threads.
 */
final class DashboardFiles {

    static final String PREFIX = "/dashboard/";
    /** Scripts, styles and connections from this origin only; no inline script or style. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; form-action 'self'";

    private static final String OWN = "dashboard/";
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

    /** A file to send: content type and bytes. */
    record Asset(String contentType, byte[] bytes) {
    }

    private final Map<String, Asset> files = new LinkedHashMap<>();

    DashboardFiles() {
        own("index.html", "text/html; charset=utf-8");
        own("dashboard.css", "text/css; charset=utf-8");
        own("app.js", "text/javascript; charset=utf-8");
        own("api.js", "text/javascript; charset=utf-8");
        own("views.js", "text/javascript; charset=utf-8");
        own("watch.js", "text/javascript; charset=utf-8");
        add("vendor/uPlot.esm.js", UPLOT + "uPlot.esm.js", "text/javascript; charset=utf-8");
        add("vendor/uPlot.min.css", UPLOT + "uPlot.min.css", "text/css; charset=utf-8");
    }

    /** The file for a request path under {@value #PREFIX}; {@code /dashboard/} is the page. */
    Optional<Asset> find(String path) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String name = path.substring(PREFIX.length());
        return Optional.ofNullable(files.get(name.isEmpty() ? "index.html" : name));
    }

    private void own(String name, String contentType) {
        add(name, OWN + name, contentType);
    }

    private void add(String name, String resource, String contentType) {
        try (InputStream in = DashboardFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("dashboard file missing from the admin adapter: " + resource);
            }
            files.put(name, new Asset(contentType, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
