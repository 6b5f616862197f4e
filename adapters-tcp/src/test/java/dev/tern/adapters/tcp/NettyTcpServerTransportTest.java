package dev.tern.adapters.tcp;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.testkit.transport.ClientConnection;
import dev.tern.testkit.transport.LoopbackListener;
import dev.tern.testkit.transport.SocketClientConnection;
import dev.tern.testkit.transport.TransportContract;
import java.io.IOException;

/** The transport contract against the Netty TCP server on a loopback port. */
class NettyTcpServerTransportTest extends TransportContract {

    @Override
    protected NetworkListener createListener(ConnectionAcceptor acceptor) {
        NettyTcpServer server = new NettyTcpServer(TestServers.LISTENER, TestServers.config(true), acceptor);
        return new LoopbackListener("tcp", server::start, server::boundPort, server::stop);
    }

    @Override
    protected ClientConnection connect(NetworkListener listener) throws IOException {
        return SocketClientConnection.open(LoopbackListener.HOST, listener.port());
    }
}
