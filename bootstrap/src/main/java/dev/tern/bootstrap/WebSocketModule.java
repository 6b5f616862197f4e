package dev.tern.bootstrap;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dev.tern.adapters.websocket.PemTls;
import dev.tern.adapters.websocket.UndertowWebSocketServer;
import dev.tern.adapters.websocket.WebSocketListenerConfig;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.WssListenerConfig;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The {@code ws://} and {@code wss://} listeners, each when enabled. */
@Module
interface WebSocketModule {

    @Provides
    @ElementsIntoSet
    static Set<Listener> webSocketListeners(BrokerConfig config, ConnectionAcceptor acceptor) {
        var websocket = config.listeners().websocket();
        WssListenerConfig wss = config.listeners().wss();
        Set<Listener> listeners = new HashSet<>();
        if (websocket.enabled()) {
            listeners.add(new WebSocketListener("websocket", websocket.host(),
                    new UndertowWebSocketServer(adapterConfig(config, websocket.host(), websocket.port(),
                            Optional.empty()), acceptor)));
        }
        if (wss.enabled()) {
            // The config record guarantees both files when wss is enabled.
            PemTls tls = new PemTls(wss.certFile().orElseThrow(), wss.keyFile().orElseThrow());
            listeners.add(new WebSocketListener("wss", wss.host(),
                    new UndertowWebSocketServer(adapterConfig(config, wss.host(), wss.port(), Optional.of(tls)),
                            acceptor)));
        }
        return listeners;
    }

    private static WebSocketListenerConfig adapterConfig(BrokerConfig config, String host, int port,
                                                         Optional<PemTls> tls) {
        var websocket = config.listeners().websocket();
        return new WebSocketListenerConfig(host, port, websocket.path(), 0,
                WebSocketListenerConfig.DEFAULT_WRITE_BUFFER_LOW_WATER_MARK,
                WebSocketListenerConfig.DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK,
                websocket.allowedOrigins(), websocket.trustForwardedFor(), tls);
    }

    /** One WebSocket server as a lifecycle {@link Listener}. */
    final class WebSocketListener implements Listener {

        private final String name;
        private final String host;
        private final UndertowWebSocketServer server;

        WebSocketListener(String name, String host, UndertowWebSocketServer server) {
            this.name = name;
            this.host = host;
            this.server = server;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() throws IOException {
            server.start();
        }

        @Override
        public String address() {
            return host + ":" + server.boundPort();
        }

        @Override
        public int port() {
            return server.boundPort();
        }

        @Override
        public void stop() {
            server.stop();
        }
    }
}
