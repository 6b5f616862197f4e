package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.RecordingConnection;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboundBytesTest {

    private final RecordingAcceptor acceptor = new RecordingAcceptor();
    private final NettyTcpServer server = TestServers.start(acceptor);

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void deliversBytesSentByTheClientInOrder() throws Exception {
        try (Socket socket = TestServers.connect(server)) {
            RecordingConnection connection = acceptor.next();
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {1, 2, 3});
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> connection.received().length == 3);
            out.write(new byte[] {4, 5});
            out.flush();

            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(connection.received()).containsExactly(1, 2, 3, 4, 5));
        }
    }

    @Test
    void deliversLargeInputSplitAcrossReadsWithoutLossOrReordering() throws Exception {
        byte[] sent = new byte[4 * 1024 * 1024];
        new Random(42).nextBytes(sent);
        try (Socket socket = TestServers.connect(server)) {
            RecordingConnection connection = acceptor.next();
            socket.getOutputStream().write(sent);
            socket.getOutputStream().flush();

            await().atMost(Duration.ofSeconds(10)).until(() -> connection.received().length >= sent.length);
            assertThat(connection.received()).isEqualTo(sent);
            assertThat(connection.bytesCalls()).isGreaterThan(1);
            assertThat(connection.callbackThreadsOffExecutor()).isEmpty();
        }
    }

    @Test
    void sendsWhatTheEngineWritesAndFlushesWhileReading() throws Exception {
        RecordingAcceptor echoing = new RecordingAcceptor(true);
        NettyTcpServer echoServer = TestServers.start(echoing);
        byte[] sent = new byte[256 * 1024];
        new Random(7).nextBytes(sent);
        try (Socket socket = TestServers.connect(echoServer)) {
            echoing.next();
            socket.getOutputStream().write(sent);

            byte[] echoed = socket.getInputStream().readNBytes(sent.length);

            assertThat(echoed).isEqualTo(sent);
        } finally {
            echoServer.stop();
        }
    }

    @Test
    void acceptsEachConnectionWithItsPeerAddress() throws Exception {
        try (Socket first = TestServers.connect(server); Socket second = TestServers.connect(server)) {
            RecordingConnection a = acceptor.next();
            RecordingConnection b = acceptor.next();

            // Two I/O threads may accept in either order, so compare as a set.
            assertThat(List.of(a.channel().remoteAddress(), b.channel().remoteAddress()))
                    .containsExactlyInAnyOrder(
                            TestServers.LOOPBACK + ":" + first.getLocalPort(),
                            TestServers.LOOPBACK + ":" + second.getLocalPort());
        }
    }
}
