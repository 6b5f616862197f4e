package dev.tern.adapters.websocket;

import java.util.List;
import java.util.Objects;

/**
 * The checks both WebSocket listeners' settings make, so that a record built outside the broker's
 * configuration (an embedder, a test) is as valid as one it bound. Messages name the setting.
 *
 * <p>Threading: stateless.
 */
final class SettingChecks {

    static final int MAX_PORT = 65_535;

    private SettingChecks() {
    }

    static void requireEndpoint(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be 0.." + MAX_PORT + ": " + port);
        }
    }

    /** The path without surrounding blanks; a space or query would never match a request line. */
    static String httpPath(String path) {
        Objects.requireNonNull(path, "path");
        String stripped = path.strip();
        if (!stripped.startsWith("/") || stripped.contains(" ") || stripped.contains("?")) {
            throw new IllegalArgumentException("path is not an HTTP path starting with /: " + path);
        }
        return stripped;
    }

    static List<String> origins(List<String> allowedOrigins) {
        return List.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
    }
}
