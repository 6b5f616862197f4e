package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tern.application.port.out.ClientChannel;
import dev.tern.domain.message.Payload;
import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.RecordingConnection;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboundWriteTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RecordingAcceptor acceptor = new RecordingAcceptor();
    private final NettyTcpServer server = TestServers.start(acceptor);

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void sendsWrittenBytesWhenFlushed() throws Exception {
        try (Socket socket = TestServers.connect(server)) {
            RecordingConnection connection = acceptor.next();

            TestServers.onLoop(connection.channel(), () -> {
                connection.channel().write(ByteBuffer.wrap(new byte[] {10, 20}));
                connection.channel().write(ByteBuffer.wrap(new byte[] {30}));
                connection.channel().flush();
            });

            assertThat(socket.getInputStream().readNBytes(3)).containsExactly(10, 20, 30);
        }
    }

    @Test
    void keepsTheOrderOfSmallGatheredWritesAndLargeOnesAcrossSeveralBatchBuffers() throws Exception {
        // Small writes are gathered into batch buffers of a few KB, larger ones go on their own:
        // the peer must still see every byte in the order it was written.
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        List<ByteBuffer> writes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int size = i % 50 == 0 ? NettyClientChannel.GATHER_LIMIT + 1 + i : 1 + i % 97;
            byte[] bytes = new byte[size];
            for (int b = 0; b < size; b++) {
                bytes[b] = (byte) (i + b);
            }
            expected.writeBytes(bytes);
            writes.add(ByteBuffer.wrap(bytes).asReadOnlyBuffer());
        }
        try (Socket socket = TestServers.connect(server)) {
            RecordingConnection connection = acceptor.next();

            TestServers.onLoop(connection.channel(), () -> {
                writes.forEach(connection.channel()::write);
                connection.channel().flush();
            });

            socket.setSoTimeout((int) WAIT.toMillis());
            assertThat(socket.getInputStream().readNBytes(expected.size())).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void sendsOneSharedReadOnlyBufferToSeveralConnectionsWithoutConsumingIt() throws Exception {
        ByteBuffer payload = ByteBuffer.wrap(new byte[] {0x30, 0x02, 'h', 'i'}).asReadOnlyBuffer();
        try (Socket first = TestServers.connect(server); Socket second = TestServers.connect(server)) {
            for (RecordingConnection connection : List.of(acceptor.next(), acceptor.next())) {
                TestServers.onLoop(connection.channel(), () -> {
                    connection.channel().write(payload);
                    connection.channel().flush();
                });
            }

            assertThat(first.getInputStream().readNBytes(4)).containsExactly(0x30, 0x02, 'h', 'i');
            assertThat(second.getInputStream().readNBytes(4)).containsExactly(0x30, 0x02, 'h', 'i');
            assertThat(payload.position()).isZero();
            assertThat(payload.remaining()).isEqualTo(4);
        }
    }

    @Test
    void sendsOneSharedBufferSmallOrLargeToSeveralConnectionsWithoutMovingItsPositionOrLimit() throws Exception {
        byte[] large = new byte[NettyClientChannel.GATHER_LIMIT + 10];
        large[0] = 0x30;
        large[large.length - 1] = 0x7F;
        ByteBuffer small = ByteBuffer.wrap(new byte[] {0x30, 0x02, 'h', 'i'});
        ByteBuffer big = ByteBuffer.wrap(large);
        try (Socket first = TestServers.connect(server); Socket second = TestServers.connect(server)) {
            for (RecordingConnection connection : List.of(acceptor.next(), acceptor.next())) {
                TestServers.onLoop(connection.channel(), () -> {
                    connection.channel().writeShared(small);
                    connection.channel().writeShared(big);
                    connection.channel().flush();
                });
            }

            for (Socket socket : List.of(first, second)) {
                socket.setSoTimeout((int) WAIT.toMillis());
                assertThat(socket.getInputStream().readNBytes(4)).containsExactly(0x30, 0x02, 'h', 'i');
                assertThat(socket.getInputStream().readNBytes(large.length)).isEqualTo(large);
            }
            assertThat(small.position()).isZero();
            assertThat(small.limit()).isEqualTo(4);
            assertThat(big.position()).isZero();
            assertThat(big.limit()).isEqualTo(large.length);
        }
    }

    @Test
    void sendsOnePayloadSmallOrLargeToSeveralConnectionsBehindTheirOwnHeaders() throws Exception {
        byte[] bytes = new byte[64 * 1024];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        Payload large = Payload.wrap(bytes);
        Payload small = Payload.wrap(new byte[] {'h', 'i'});
        try (Socket first = TestServers.connect(server); Socket second = TestServers.connect(server)) {
            for (RecordingConnection connection : List.of(acceptor.next(), acceptor.next())) {
                ClientChannel channel = connection.channel();
                TestServers.onLoop(channel, () -> {
                    channel.write(ByteBuffer.wrap(new byte[] {0x30}));
                    channel.writePayload(large);
                    channel.writePayload(small);
                    channel.flush();
                });
            }

            for (Socket socket : List.of(first, second)) {
                socket.setSoTimeout((int) WAIT.toMillis());
                assertThat(socket.getInputStream().readNBytes(1)).containsExactly(0x30);
                assertThat(socket.getInputStream().readNBytes(bytes.length)).isEqualTo(bytes);
                assertThat(socket.getInputStream().readNBytes(2)).containsExactly('h', 'i');
            }
        }
    }

    @Test
    void holdsWrittenBytesUntilFlushed() throws Exception {
        try (Socket socket = TestServers.connect(server)) {
            RecordingConnection connection = acceptor.next();
            InputStream in = socket.getInputStream();

            TestServers.onLoop(connection.channel(),
                    () -> connection.channel().write(ByteBuffer.wrap(new byte[] {7, 8, 9})));
            socket.setSoTimeout(200);
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);

            TestServers.onLoop(connection.channel(), connection.channel()::flush);
            socket.setSoTimeout(5_000);
            assertThat(in.readNBytes(3)).containsExactly(7, 8, 9);
        }
    }

    @Test
    void closeSendsPendingBytesThenClosesTheSocketAndReportsClosedOnce() throws Exception {
        try (Socket socket = TestServers.connect(server)) {
            RecordingConnection connection = acceptor.next();

            TestServers.onLoop(connection.channel(), () -> {
                connection.channel().write(ByteBuffer.wrap(new byte[] {0x0E, 0x00}));
                connection.channel().close();
            });

            InputStream in = socket.getInputStream();
            assertThat(in.readNBytes(2)).containsExactly(0x0E, 0x00);
            assertThat(in.read()).as("end of stream").isEqualTo(-1);
            await().atMost(WAIT).until(() -> connection.closedCalls() > 0);
            TestServers.onLoop(connection.channel(), connection.channel()::close);
            assertThat(connection.closedCalls()).isEqualTo(1);
        }
    }

    @Test
    void reportsClosedOnceWhenTheClientCloses() throws Exception {
        Socket socket = TestServers.connect(server);
        RecordingConnection connection = acceptor.next();
        socket.close();

        await().atMost(WAIT).until(() -> connection.closedCalls() > 0);
        TestServers.onLoop(connection.channel(), () -> { });
        assertThat(connection.closedCalls()).isEqualTo(1);
        assertThat(connection.callbackThreadsOffExecutor()).isEmpty();
    }

    @Test
    void dropsWritesAfterTheConnectionIsGone() throws Exception {
        Socket socket = TestServers.connect(server);
        RecordingConnection connection = acceptor.next();
        socket.close();
        await().atMost(WAIT).until(() -> connection.closedCalls() > 0);

        TestServers.onLoop(connection.channel(), () -> {
            connection.channel().write(ByteBuffer.wrap(new byte[] {1}));
            connection.channel().flush();
            connection.channel().close();
        });

        assertThat(connection.closedCalls()).isEqualTo(1);
        assertThat(connection.channel().isWritable()).isFalse();
    }
}
