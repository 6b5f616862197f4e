package dev.tern.bootstrap.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The MQTT-over-TLS listener. When enabled it needs key material: {@code certFile} with
 * {@code keyFile} (PEM), or {@code pkcs12File}.
 *
 * @param ciphers empty for the JDK's defaults
 * @param useIdentityAsUsername a verified client certificate's CN becomes the user name
 */
public record TlsListenerConfig(boolean enabled, String host, int port, Optional<Path> certFile,
        Optional<Path> keyFile, Optional<Path> pkcs12File, Optional<String> pkcs12Password, List<String> protocols,
        List<String> ciphers, TlsClientAuth clientAuth, Optional<Path> caFile, Optional<Path> crlFile,
        boolean useIdentityAsUsername) {

    public TlsListenerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > TcpListenerConfig.MAX_PORT) {
            throw new IllegalArgumentException("listeners.tls.port must be 0.." + TcpListenerConfig.MAX_PORT);
        }
        protocols = List.copyOf(protocols);
        ciphers = List.copyOf(ciphers);
        if (enabled) {
            boolean pem = certFile.isPresent() && keyFile.isPresent();
            if (pem == pkcs12File.isPresent() || certFile.isPresent() != keyFile.isPresent()) {
                throw new IllegalArgumentException("listeners.tls needs cert-file and key-file, or pkcs12-file");
            }
            if (clientAuth != TlsClientAuth.NONE && caFile.isEmpty()) {
                throw new IllegalArgumentException("listeners.tls.client-auth " + clientAuth.configName()
                        + " needs listeners.tls.ca-file");
            }
        }
    }

    @Override
    public String toString() {
        return "TlsListenerConfig[enabled=" + enabled + ", host=" + host + ", port=" + port + ", clientAuth="
                + clientAuth.configName() + "]";
    }
}
