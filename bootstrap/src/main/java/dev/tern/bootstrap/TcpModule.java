package dev.tern.bootstrap;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dev.tern.adapters.tcp.NettyTcpServer;
import dev.tern.adapters.tcp.TcpListenerConfig;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.bootstrap.config.BrokerConfig;
import java.util.Set;
import javax.inject.Singleton;

/** The TCP listener, when enabled. */
@Module
interface TcpModule {

    @Provides
    @Singleton
    static NettyTcpServer tcpServer(BrokerConfig config, ConnectionAcceptor acceptor) {
        var tcp = config.listeners().tcp();
        return new NettyTcpServer(new TcpListenerConfig(tcp.host(), tcp.port(), tcp.ioThreads(),
                TcpListenerConfig.DEFAULT_WRITE_BUFFER_LOW_WATER_MARK,
                TcpListenerConfig.DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK, true), acceptor);
    }

    @Provides
    @ElementsIntoSet
    static Set<Listener> tcpListener(BrokerConfig config, NettyTcpServer server) {
        if (!config.listeners().tcp().enabled()) {
            return Set.of();
        }
        return Set.of(new Listener() {
            @Override
            public String name() {
                return "tcp";
            }

            @Override
            public void start() throws java.io.IOException {
                server.start();
            }

            @Override
            public String address() {
                return config.listeners().tcp().host() + ":" + server.boundPort() + " (" + server.transportName() + ")";
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
}
