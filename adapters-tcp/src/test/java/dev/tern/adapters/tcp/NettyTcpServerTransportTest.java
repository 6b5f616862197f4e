package dev.tern.adapters.tcp;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.testkit.transport.ClientConnection;
import dev.tern.testkit.transport.SocketClientConnection;
import dev.tern.testkit.transport.TransportContract;
import java.io.IOException;

/** The transport contract against the Netty TCP server on a loopback port. */
class NettyTcpServerTransportTest extends TransportContract {

    @Override
    protected NetworkListener createListener(ConnectionAcceptor acceptor) {
        return new TestListener(new NettyTcpServer(TestServers.config(true), acceptor));
    }

    @Override
    protected ClientConnection connect(NetworkListener listener) throws IOException {
        return SocketClientConnection.open(TestServers.LOOPBACK, listener.port());
    }

    /** The server as bootstrap would see it; the real provider's listener may differ in name and address. */
    private record TestListener(NettyTcpServer server) implements NetworkListener {

        @Override
        public String name() {
            return "tcp";
        }

        @Override
        public void start() throws IOException {
            server.start();
        }

        @Override
        public String address() {
            return TestServers.LOOPBACK + ":" + port();
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
