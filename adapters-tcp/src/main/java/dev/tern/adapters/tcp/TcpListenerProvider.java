package dev.tern.adapters.tcp;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.ConnectionAdmission;
import dev.tern.application.port.in.ListenerLimits;
import dev.tern.application.port.plugin.ListenerContext;
import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.application.port.plugin.Setting;

/**
 * MQTT over plain TCP ({@code listeners.tcp.*}), on by default. The ready line shows the address
 * and the Netty transport in use: {@code 127.0.0.1:1883 (epoll)}.
 *
 * <p>Threading: as every provider, created by {@link java.util.ServiceLoader} and asked only on
 * the thread that starts the broker.
 */
public final class TcpListenerProvider implements ListenerProvider<TcpListenerProvider.Settings> {

    /** Far above any core count, low enough that a typo cannot ask for a million threads. */
    static final int MAX_IO_THREADS = 1024;

    /**
     * Settings of one plain TCP listener.
     *
     * @param port 0 asks the operating system for a free port
     * @param ioThreads event loops serving the listener's connections; 0 means one per two
     *     processors, at least one ({@link TcpListenerConfig#effectiveIoThreads()})
     * @param maxConnections connections this listener holds at once; more are closed at accept
     * @param maxConnectionsPerSecond new connections accepted per second; beyond it accepting pauses
     * @param readBytesPerTurn bytes an event loop reads from one connection before it serves the others
     */
    public record Settings(
            @Setting(defaultValue = "127.0.0.1", description = "address the MQTT/TCP listener binds to")
            String host,
            @Setting(defaultValue = "1883", min = 0, max = ListenAddress.MAX_PORT,
                    description = "MQTT/TCP port; 0 picks a free port")
            int port,
            @Setting(defaultValue = "0", min = 0, max = MAX_IO_THREADS,
                    description = "event loops of the MQTT/TCP listener; 0 = one per two processors, at least one")
            int ioThreads,
            @Setting(defaultValue = "0", min = 0, max = Integer.MAX_VALUE,
                    description = ListenerLimits.MAX_CONNECTIONS_HELP)
            int maxConnections,
            @Setting(defaultValue = "0", min = 0, max = Integer.MAX_VALUE,
                    description = ListenerLimits.MAX_CONNECTIONS_PER_SECOND_HELP)
            int maxConnectionsPerSecond,
            @Setting(defaultValue = "" + FairReads.DEFAULT_BYTES_PER_TURN, min = FairReads.MIN_BYTES_PER_TURN, max = FairReads.MAX_BYTES_PER_TURN,
                    description = "bytes an event loop reads from one connection before it serves its other connections; "
                            + "smaller keeps the others' latency low while a few clients flood, larger sends more "
                            + "messages per write to each of many subscribers")
            int readBytesPerTurn) {

        public Settings {
            ListenAddress.check(host, port);
            if (ioThreads < 0 || ioThreads > MAX_IO_THREADS) {
                throw new IllegalArgumentException("io-threads must be 0.." + MAX_IO_THREADS + ": " + ioThreads);
            }
            new ListenerLimits(maxConnections, maxConnectionsPerSecond);
            FairReads.check(readBytesPerTurn);
        }

        /** Without connection limits of its own, reading {@link FairReads#DEFAULT_BYTES_PER_TURN} per turn. */
        public Settings(String host, int port, int ioThreads) {
            this(host, port, ioThreads, 0, 0, FairReads.DEFAULT_BYTES_PER_TURN);
        }

        ListenerLimits limits() {
            return new ListenerLimits(maxConnections, maxConnectionsPerSecond);
        }
    }

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public String description() {
        return "MQTT over plain TCP";
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
        TcpListenerConfig config = new TcpListenerConfig(settings.host(), settings.port(), settings.ioThreads(),
                TcpListenerConfig.DEFAULT_WRITE_BUFFER_LOW_WATER_MARK,
                TcpListenerConfig.DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK, true, settings.readBytesPerTurn());
        NettyTcpServer server = new NettyTcpServer(instanceName, config, null, context.acceptor(),
                Admittance.of(instanceName, settings.limits(), context.admission()));
        return new NettyNetworkListener(instanceName, settings.host(), server.transportName(), server);
    }
}
