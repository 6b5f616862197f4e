package dev.tern.adapters.tcp;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.out.ClientChannel;
import dev.tern.testkit.transport.OnExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Starting servers on ephemeral loopback ports, connecting to them, acting as the engine. */
final class TestServers {

    static final String LOOPBACK = "127.0.0.1";
    /** The listener instance name the test servers' connections report. */
    static final String LISTENER = "test-tcp";

    private TestServers() {
    }

    static TcpListenerConfig config(boolean preferEpoll) {
        return new TcpListenerConfig(LOOPBACK, 0, 2,
                TcpListenerConfig.DEFAULT_WRITE_BUFFER_LOW_WATER_MARK,
                TcpListenerConfig.DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK, preferEpoll);
    }

    static NettyTcpServer start(ConnectionAcceptor acceptor) {
        return start(config(true), acceptor);
    }

    static NettyTcpServer start(TcpListenerConfig config, ConnectionAcceptor acceptor) {
        NettyTcpServer server = new NettyTcpServer(LISTENER, config, acceptor);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    static NettyTcpServer start(TcpListenerConfig config, TlsConfig tls, ConnectionAcceptor acceptor) {
        NettyTcpServer server = new NettyTcpServer(LISTENER, config, tls, acceptor);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    static Socket connect(NettyTcpServer server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(LOOPBACK, server.boundPort()), 2_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Runs {@code action} on the channel's executor, as the engine must, and waits for it. */
    static void onLoop(ClientChannel channel, Runnable action) {
        OnExecutor.run(channel, action);
    }
}
