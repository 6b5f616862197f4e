package dev.tern.bootstrap.config;

import java.util.Objects;

/**
 * The plain MQTT-over-TCP listener.
 *
 * @param port 0 asks the operating system for a free port (useful in tests)
 * @param ioThreads event loops serving the listener's connections; 0 means one per processor
 */
public record TcpListenerConfig(String host, int port, boolean enabled, int ioThreads) {

    public static final int MAX_PORT = 65_535;
    public static final int MAX_IO_THREADS = 1024;

    /** A listener with one event loop per processor. */
    public TcpListenerConfig(String host, int port, boolean enabled) {
        this(host, port, enabled, 0);
    }

    public TcpListenerConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be 0.." + MAX_PORT + ": " + port);
        }
        if (ioThreads < 0 || ioThreads > MAX_IO_THREADS) {
            throw new IllegalArgumentException("io-threads must be 0.." + MAX_IO_THREADS + ": " + ioThreads);
        }
    }
}
