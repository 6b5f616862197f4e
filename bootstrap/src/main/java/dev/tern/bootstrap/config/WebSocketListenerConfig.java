package dev.tern.bootstrap.config;

import java.util.List;
import java.util.Objects;

/**
 * The MQTT-over-WebSocket listener ({@code ws://}); its path, origins and proxy trust also apply
 * to the {@code wss://} listener.
 *
 * @param port 0 asks the operating system for a free port (useful in tests)
 * @param path the HTTP path that upgrades, starting with {@code /}
 * @param allowedOrigins browser origins allowed to connect; empty allows any
 * @param trustForwardedFor whether {@code X-Forwarded-For} names the client in logs
 */
public record WebSocketListenerConfig(String host, int port, String path, boolean enabled,
                                      List<String> allowedOrigins, boolean trustForwardedFor) {

    public WebSocketListenerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > TcpListenerConfig.MAX_PORT) {
            throw new IllegalArgumentException("port must be 0.." + TcpListenerConfig.MAX_PORT + ": " + port);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
