package dev.tern.adapters.websocket;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.ConnectionAdmission;
import dev.tern.application.port.in.ListenerLimits;
import dev.tern.application.port.plugin.ListenerContext;
import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.application.port.plugin.Setting;
import java.util.List;
import java.util.Optional;

/**
 * MQTT over WebSocket, {@code ws://} ({@code listeners.websocket.*}), on by default.
 *
 * <p>Threading: as every provider, created by {@link java.util.ServiceLoader} and asked only on
 * the thread that starts the broker.
 */
public final class WebSocketListenerProvider implements ListenerProvider<WebSocketListenerProvider.Settings> {

    /**
     * Settings of one {@code ws://} listener. Its path, origins and proxy trust are its own: the
     * {@code wss://} listener no longer reads them (it has settings of the same names).
     *
     * @param port 0 asks the operating system for a free port
     * @param path the only HTTP path that upgrades, starting with {@code /}
     * @param allowedOrigins browser origins allowed to connect; empty allows any
     * @param trustForwardedFor whether {@code X-Forwarded-For} names the client in logs; only sound
     *     behind a proxy that sets it, since clients can write anything there
     * @param maxConnections connections this listener holds at once; more are closed at accept
     * @param maxConnectionsPerSecond new connections accepted per second; beyond it accepting pauses
     */
    public record Settings(
            @Setting(defaultValue = "127.0.0.1", description = "address the MQTT/WebSocket (ws://) listener binds to")
            String host,
            @Setting(defaultValue = "8083", min = 0, max = SettingChecks.MAX_PORT,
                    description = "MQTT/WebSocket port; 0 picks a free port")
            int port,
            @Setting(defaultValue = "/mqtt", description = "HTTP path of the ws:// listener")
            String path,
            @Setting(defaultValue = "", description = "comma-separated browser origins allowed on ws://; empty allows any")
            List<String> allowedOrigins,
            @Setting(defaultValue = "false",
                    description = "whether X-Forwarded-For names ws:// clients in logs (only behind a proxy)")
            boolean trustForwardedFor,
            @Setting(defaultValue = "0", min = 0, max = Integer.MAX_VALUE, description = ListenerLimits.MAX_CONNECTIONS_HELP)
            int maxConnections,
            @Setting(defaultValue = "0", min = 0, max = Integer.MAX_VALUE,
                    description = ListenerLimits.MAX_CONNECTIONS_PER_SECOND_HELP)
            int maxConnectionsPerSecond) {

        public Settings {
            SettingChecks.requireEndpoint(host, port);
            path = SettingChecks.httpPath(path);
            allowedOrigins = SettingChecks.origins(allowedOrigins);
            new ListenerLimits(maxConnections, maxConnectionsPerSecond);
        }

        /** Without connection limits of its own. */
        public Settings(String host, int port, String path, List<String> allowedOrigins, boolean trustForwardedFor) {
            this(host, port, path, allowedOrigins, trustForwardedFor, 0, 0);
        }

        ListenerLimits limits() {
            return new ListenerLimits(maxConnections, maxConnectionsPerSecond);
        }
    }

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public String description() {
        return "MQTT over WebSocket (ws://), for browsers";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public boolean enabledByDefault() {
        return true;
    }

    @Override
    public NetworkListener create(String instanceName, Settings settings, ConnectionAcceptor acceptor) {
        return create(instanceName, settings, new ListenerContext(acceptor, ConnectionAdmission.UNLIMITED));
    }

    @Override
    public NetworkListener create(String instanceName, Settings settings, ListenerContext context) {
        WebSocketListenerConfig config = WebSocketListenerConfig.withDefaultBuffers(settings.host(), settings.port(),
                settings.path(), settings.allowedOrigins(), settings.trustForwardedFor(), Optional.empty());
        return new UndertowNetworkListener(instanceName, settings.host(),
                UndertowWebSocketServer.limited(instanceName, config, context, settings.limits()));
    }
}
