package dev.tern.bootstrap.config;

import java.util.Objects;

/**
 * The plain MQTT-over-TCP listener.
 *
 * @param port 0 asks the operating system for a free port (useful in tests)
 */
public record TcpListenerConfig(String host, int port, boolean enabled) {

    public static final int MAX_PORT = 65_535;

    public TcpListenerConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be 0.." + MAX_PORT + ": " + port);
        }
    }
}
