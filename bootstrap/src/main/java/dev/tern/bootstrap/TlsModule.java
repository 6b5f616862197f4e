package dev.tern.bootstrap;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dev.tern.adapters.tcp.NettyTcpServer;
import dev.tern.adapters.tcp.TcpListenerConfig;
import dev.tern.adapters.tcp.TlsConfig;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.TlsListenerConfig;
import java.io.IOException;
import java.util.Set;

/** The MQTT-over-TLS listener, when enabled: a second Netty server with TLS in its pipeline. */
@Module
interface TlsModule {

    @Provides
    @ElementsIntoSet
    static Set<Listener> tlsListener(BrokerConfig config, ConnectionAcceptor acceptor) {
        TlsListenerConfig tls = config.listeners().tls();
        if (!tls.enabled()) {
            return Set.of();
        }
        NettyTcpServer server = new NettyTcpServer(TcpListenerConfig.withDefaults(tls.host(), tls.port()),
                tlsConfig(tls), acceptor);
        return Set.of(new Listener() {
            @Override
            public String name() {
                return "tls";
            }

            @Override
            public void start() throws IOException {
                server.start();
            }

            @Override
            public String address() {
                return tls.host() + ":" + server.boundPort() + " (client certificates " + tls.clientAuth().configName() + ")";
            }

            @Override
            public int port() {
                return server.boundPort();
            }

            @Override
            public void stop() {
                server.stop();
            }
        });
    }

    private static TlsConfig tlsConfig(TlsListenerConfig tls) {
        TlsConfig.ClientAuth clientAuth = switch (tls.clientAuth()) {
            case NONE -> TlsConfig.ClientAuth.NONE;
            case OPTIONAL -> TlsConfig.ClientAuth.OPTIONAL;
            case REQUIRED -> TlsConfig.ClientAuth.REQUIRE;
        };
        return new TlsConfig(tls.certFile().orElse(null), tls.keyFile().orElse(null), tls.pkcs12File().orElse(null),
                tls.pkcs12Password().map(String::toCharArray).orElse(null), tls.protocols(), tls.ciphers(),
                clientAuth, tls.caFile().orElse(null), tls.crlFile().orElse(null));
    }
}
