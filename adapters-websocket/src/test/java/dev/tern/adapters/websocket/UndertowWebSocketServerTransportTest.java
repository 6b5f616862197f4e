package dev.tern.adapters.websocket;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.testkit.transport.ClientConnection;
import dev.tern.testkit.transport.LoopbackListener;
import dev.tern.testkit.transport.TransportContract;
import java.io.IOException;
import java.net.URI;

/** The transport contract against the Undertow WebSocket server, spoken to by the JDK WebSocket client. */
class UndertowWebSocketServerTransportTest extends TransportContract {

    @Override
    protected NetworkListener createListener(ConnectionAcceptor acceptor) {
        UndertowWebSocketServer server = new UndertowWebSocketServer(TestServers.LISTENER, TestServers.config(), acceptor);
        return new LoopbackListener("websocket", server::start, server::boundPort, server::stop);
    }

    @Override
    protected ClientConnection connect(NetworkListener listener) throws IOException {
        return WebSocketClientConnection.open(URI.create("ws://" + listener.address() + "/mqtt"));
    }
}
