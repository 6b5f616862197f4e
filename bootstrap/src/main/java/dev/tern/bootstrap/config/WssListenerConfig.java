package dev.tern.bootstrap.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The MQTT-over-secure-WebSocket listener ({@code wss://}), with its identity from PEM files.
 *
 * @param port 0 asks the operating system for a free port (useful in tests)
 * @param certFile the certificate chain, leaf first; required when enabled
 * @param keyFile the unencrypted PKCS#8 private key; required when enabled
 */
public record WssListenerConfig(String host, int port, boolean enabled, Optional<Path> certFile,
                                Optional<Path> keyFile) {

    public WssListenerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > TcpListenerConfig.MAX_PORT) {
            throw new IllegalArgumentException("port must be 0.." + TcpListenerConfig.MAX_PORT + ": " + port);
        }
        if (enabled && (certFile.isEmpty() || keyFile.isEmpty())) {
            throw new IllegalArgumentException(
                    "listeners.wss.cert-file and listeners.wss.key-file are required when listeners.wss.enabled is true");
        }
    }
}
