package dev.tern.e2e.websocket;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the browser test page and MQTT.js from the repository on loopback, so the page loads
 * nothing from the internet.
 *
 * <p>Threading: the JDK server's own thread answers requests; start and close from the test.
 */
final class StaticPageServer implements AutoCloseable {

    private final HttpServer server;

    private StaticPageServer(HttpServer server) {
        this.server = server;
    }

    static StaticPageServer start(Path browserDir) throws IOException {
        Map<String, Path> files = Map.of(
                "/page.html", browserDir.resolve("page.html"),
                "/page.js", browserDir.resolve("page.js"),
                "/mqtt.min.js", browserDir.resolve("node_modules/mqtt/dist/mqtt.min.js"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> serve(exchange, files.get(exchange.getRequestURI().getPath())));
        server.start();
        return new StaticPageServer(server);
    }

    /** The page's address with its query, e.g. {@code ?ws=ws://127.0.0.1:1234/mqtt&v=5}. */
    String pageUrl(String query) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/page.html?" + query;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void serve(HttpExchange exchange, Path file) throws IOException {
        try (exchange) {
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String type = file.toString().endsWith(".html") ? "text/html" : "text/javascript";
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
