package dev.tern.adapters.tcp;

import java.util.Objects;

/**
 * The checks every TCP-based listener's settings make on where it binds, so that a record built
 * outside the broker's configuration (an embedder, a test) is as valid as one it bound.
 *
 * <p>Threading: stateless.
 */
final class ListenAddress {

    static final int MAX_PORT = 65_535;

    private ListenAddress() {
    }

    /** @throws IllegalArgumentException naming the {@code host} or {@code port} setting */
    static void check(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be 0.." + MAX_PORT + ": " + port);
        }
    }
}
