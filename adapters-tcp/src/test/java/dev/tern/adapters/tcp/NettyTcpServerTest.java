package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.RecordingConnection;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NettyTcpServerTest {

    private final RecordingAcceptor acceptor = new RecordingAcceptor();

    @Test
    void reportsABindFailureWithTheAddressItCouldNotBind() throws Exception {
        try (ServerSocket occupant = new ServerSocket(0, 50, InetAddress.getByName(TestServers.LOOPBACK))) {
            int port = occupant.getLocalPort();
            NettyTcpServer server = new NettyTcpServer(TestServers.LISTENER, withPort(port), acceptor);

            assertThatThrownBy(server::start)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(TestServers.LOOPBACK + ":" + port);
            server.stop();
        }
    }

    @Test
    void stopIsIdempotentAndFreesThePort() throws Exception {
        NettyTcpServer first = TestServers.start(acceptor);
        int port = first.boundPort();

        first.stop();
        first.stop();

        NettyTcpServer second = TestServers.start(withPort(port), acceptor);
        assertThat(second.boundPort()).isEqualTo(port);
        second.stop();
    }

    @Test
    void stopClosesOpenConnectionsAndReportsEachClosedOnce() throws Exception {
        NettyTcpServer server = TestServers.start(acceptor);
        try (Socket socket = TestServers.connect(server)) {
            RecordingConnection connection = acceptor.next();

            server.stop();

            assertThat(readsEndOfStream(socket)).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> connection.closedCalls() > 0);
            assertThat(connection.closedCalls()).isEqualTo(1);
        }
    }

    @Test
    void cannotStartTwiceNorRestartAfterStop() throws Exception {
        NettyTcpServer server = TestServers.start(acceptor);

        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        server.stop();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(server::boundPort).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void exposesTheEventLoopsThatOwnItsConnections() throws Exception {
        NettyTcpServer server = TestServers.start(acceptor);
        try (Socket socket = TestServers.connect(server)) {
            RecordingConnection connection = acceptor.next();

            assertThat(connection.channel().remoteAddress()).endsWith(":" + socket.getLocalPort());
            assertThat(server.executors()).hasSize(2).contains(connection.channel().executor());
        } finally {
            server.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void carriesBytesBothWaysOnTheChosenTransport(boolean preferEpoll) throws Exception {
        RecordingAcceptor echoing = new RecordingAcceptor(true);
        NettyTcpServer server = TestServers.start(TestServers.config(preferEpoll), echoing);
        try (Socket socket = TestServers.connect(server)) {
            echoing.next();
            socket.getOutputStream().write(new byte[] {0x10, 0x00});

            assertThat(socket.getInputStream().readNBytes(2)).containsExactly(0x10, 0x00);
            assertThat(server.transportName()).isEqualTo(preferEpoll && Epoll.isAvailable() ? "epoll" : "nio");
        } finally {
            server.stop();
        }
    }

    private static TcpListenerConfig withPort(int port) {
        TcpListenerConfig base = TestServers.config(true);
        return new TcpListenerConfig(base.host(), port, base.ioThreads(),
                base.writeBufferLowWaterMark(), base.writeBufferHighWaterMark(), base.preferEpoll());
    }

    /** A closed peer shows as end of stream, or as a reset when the close raced unread data. */
    private static boolean readsEndOfStream(Socket socket) throws IOException {
        socket.setSoTimeout(2_000);
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
