package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.application.port.out.CloseLimits;
import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.RecordingConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An engine-initiated close ends the connection without a reset: the last bytes, then the end of
 * stream, while what the client still sends is read and thrown away, never handed to the engine,
 * for a bounded time and number of bytes.
 */
class GracefulCloseTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final byte[] LAST_PACKET = {(byte) 0xE0, 0x01, (byte) 0x93};

    private final RecordingAcceptor acceptor = new RecordingAcceptor();
    private NettyTcpServer server;

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private void start(CloseLimits limits) throws IOException {
        server = new NettyTcpServer(TestServers.LISTENER, TestServers.config(true), null, acceptor, Admittance.NONE,
                limits);
        server.start();
    }

    @Test
    void sendsTheLastBytesThenAnEndOfStreamWhileDiscardingWhatTheClientStillSends() throws Exception {
        start(CloseLimits.DEFAULT);
        try (Socket socket = TestServers.connect(server)) {
            RecordingConnection connection = acceptor.next();
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {1, 2, 3});
            await().atMost(WAIT).until(() -> connection.received().length == 3);

            TestServers.onLoop(connection.channel(), () -> {
                connection.channel().write(ByteBuffer.wrap(LAST_PACKET));
                connection.channel().close();
            });
            for (int i = 0; i < 20; i++) {
                out.write(new byte[1024]);
            }

            InputStream in = socket.getInputStream();
            assertThat(in.readNBytes(LAST_PACKET.length)).containsExactly(LAST_PACKET);
            assertThat(in.read()).as("end of stream, not a reset").isEqualTo(-1);
            await().atMost(WAIT).until(() -> connection.closedCalls() == 1);
            assertThat(connection.received()).as("nothing sent after the close reaches the engine").hasSize(3);
            assertThat(connection.callbackThreadsOffExecutor()).isEmpty();
        }
    }

    @Test
    void reportsTheCloseToTheEngineWhileTheSocketStillDrains() throws Exception {
        start(new CloseLimits(WAIT, Duration.ofSeconds(30), 64 * 1024));
        try (Socket socket = TestServers.connect(server)) {
            RecordingConnection connection = acceptor.next();

            TestServers.onLoop(connection.channel(), connection.channel()::close);

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            await().atMost(WAIT).until(() -> connection.closedCalls() == 1);
            socket.getOutputStream().write(new byte[] {1, 2, 3});
            assertThat(connection.received()).isEmpty();
        }
    }

    @Test
    void closesWhenTheDrainTimeRunsOutThoughTheClientKeepsItsSideOpen() throws Exception {
        start(new CloseLimits(WAIT, Duration.ofMillis(200), 64 * 1024));
        try (Socket socket = TestServers.connect(server)) {
            RecordingConnection connection = acceptor.next();

            TestServers.onLoop(connection.channel(), connection.channel()::close);

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            await().atMost(WAIT).until(() -> writeFails(socket));
        }
    }

    @Test
    void closesOnceTheClientSendsMoreThanTheByteBudget() throws Exception {
        start(new CloseLimits(WAIT, Duration.ofSeconds(30), 4 * 1024));
        try (Socket socket = TestServers.connect(server)) {
            RecordingConnection connection = acceptor.next();

            TestServers.onLoop(connection.channel(), connection.channel()::close);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);

            // Long before the drain time, the budget is spent and the server closes its socket.
            await().atMost(WAIT).until(() -> writeFails(socket));
        }
    }

    /**
     * Writes a chunk; once the server's socket is closed, the kernel answers with a reset and a
     * later write fails.
     */
    private static boolean writeFails(Socket socket) {
        try {
            socket.getOutputStream().write(new byte[1024]);
            Thread.sleep(20);
            return false;
        } catch (IOException closedByTheServer) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
