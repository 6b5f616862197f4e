package dev.tern.adapters.websocket;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.ConnectionAdmission;
import dev.tern.application.port.in.ListenerLimits;
import dev.tern.application.port.plugin.ListenerContext;
import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.application.port.plugin.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * MQTT over secure WebSocket, {@code wss://} ({@code listeners.wss.*}), off by default because it
 * needs a certificate and key.
 *
 * <p>Threading: as every provider, created by {@link java.util.ServiceLoader} and asked only on
 * the thread that starts the broker.
 */
public final class SecureWebSocketListenerProvider
        implements ListenerProvider<SecureWebSocketListenerProvider.Settings> {

    /**
     * Settings of one {@code wss://} listener, its identity from PEM files. Unlike before the
     * plug-in settings, its path, allowed origins and proxy trust are its own, no longer taken
     * from the {@code ws://} listener's: a broker that changed them there sets them here too.
     *
     * @param port 0 asks the operating system for a free port
     * @param path the only HTTP path that upgrades, starting with {@code /}
     * @param allowedOrigins browser origins allowed to connect; empty allows any
     * @param trustForwardedFor whether {@code X-Forwarded-For} names the client in logs
     * @param certFile the certificate chain, leaf first; required
     * @param keyFile the unencrypted PKCS#8 private key; required
     * @param maxConnections connections this listener holds at once; more are closed at accept,
     *     before the TLS handshake
     * @param maxConnectionsPerSecond new connections accepted per second; beyond it accepting pauses
     */
    public record Settings(
            @Setting(defaultValue = "127.0.0.1", description = "address the wss:// listener binds to")
            String host,
            @Setting(defaultValue = "8084", min = 0, max = SettingChecks.MAX_PORT,
                    description = "MQTT/secure WebSocket port; 0 picks a free port")
            int port,
            @Setting(defaultValue = "/mqtt", description = "HTTP path of the wss:// listener")
            String path,
            @Setting(defaultValue = "", description = "comma-separated browser origins allowed on wss://; empty allows any")
            List<String> allowedOrigins,
            @Setting(defaultValue = "false",
                    description = "whether X-Forwarded-For names wss:// clients in logs (only behind a proxy)")
            boolean trustForwardedFor,
            @Setting(defaultValue = "none", description = "PEM certificate chain of the wss:// listener, leaf first")
            Optional<Path> certFile,
            @Setting(defaultValue = "none", description = "PEM private key (unencrypted PKCS#8) of the wss:// listener")
            Optional<Path> keyFile,
            @Setting(defaultValue = "0", min = 0, max = Integer.MAX_VALUE, description = ListenerLimits.MAX_CONNECTIONS_HELP)
            int maxConnections,
            @Setting(defaultValue = "0", min = 0, max = Integer.MAX_VALUE,
                    description = ListenerLimits.MAX_CONNECTIONS_PER_SECOND_HELP)
            int maxConnectionsPerSecond) {

        public Settings {
            SettingChecks.requireEndpoint(host, port);
            path = SettingChecks.httpPath(path);
            allowedOrigins = SettingChecks.origins(allowedOrigins);
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
            if (certFile.isEmpty() || keyFile.isEmpty()) {
                throw new IllegalArgumentException("wss needs both cert-file and key-file");
            }
            new ListenerLimits(maxConnections, maxConnectionsPerSecond);
        }

        /** Without connection limits of its own. */
        public Settings(String host, int port, String path, List<String> allowedOrigins, boolean trustForwardedFor,
                Optional<Path> certFile, Optional<Path> keyFile) {
            this(host, port, path, allowedOrigins, trustForwardedFor, certFile, keyFile, 0, 0);
        }

        ListenerLimits limits() {
            return new ListenerLimits(maxConnections, maxConnectionsPerSecond);
        }
    }

    @Override
    public String name() {
        return "wss";
    }

    @Override
    public String description() {
        return "MQTT over secure WebSocket (wss://), for browsers";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    public NetworkListener create(String instanceName, Settings settings, ConnectionAcceptor acceptor) {
        return create(instanceName, settings, new ListenerContext(acceptor, ConnectionAdmission.UNLIMITED));
    }

    @Override
    public NetworkListener create(String instanceName, Settings settings, ListenerContext context) {
        // The settings record refuses to exist without both files.
        PemTls tls = new PemTls(settings.certFile().orElseThrow(), settings.keyFile().orElseThrow());
        WebSocketListenerConfig config = WebSocketListenerConfig.withDefaultBuffers(settings.host(), settings.port(),
                settings.path(), settings.allowedOrigins(), settings.trustForwardedFor(), Optional.of(tls));
        return new UndertowNetworkListener(instanceName, settings.host(),
                UndertowWebSocketServer.limited(instanceName, config, context, settings.limits()));
    }
}
