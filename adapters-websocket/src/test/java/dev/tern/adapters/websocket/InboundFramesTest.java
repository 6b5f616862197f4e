package dev.tern.adapters.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.RecordingConnection;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboundFramesTest {

    private final RecordingAcceptor acceptor = new RecordingAcceptor();
    private final UndertowWebSocketServer server = TestServers.start(TestServers.config(), acceptor);

    @AfterEach
    void stopServer() {
        server.stop();
    }

    /** [MQTT-6.0.0-2] a packet may span frames: the bytes of consecutive frames arrive in order. */
    @Test
    void deliversTheBytesOfConsecutiveBinaryFramesInOrder() throws Exception {
        WebSocket socket = TestServers.connect(server, new ClientListener(true));
        RecordingConnection connection = acceptor.next();

        socket.sendBinary(ByteBuffer.wrap(new byte[] {0x10, 0x0c}), true).get(5, TimeUnit.SECONDS);
        socket.sendBinary(ByteBuffer.wrap(new byte[] {0x00, 0x04, 'M'}), true).get(5, TimeUnit.SECONDS);
        socket.sendBinary(ByteBuffer.wrap(new byte[] {'Q', 'T', 'T'}), true).get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> connection.received().length == 8);
        assertThat(connection.received()).containsExactly(0x10, 0x0c, 0x00, 0x04, 'M', 'Q', 'T', 'T');
        assertThat(connection.callbackThreadsOffExecutor()).isEmpty();
        socket.abort();
    }

    /** [MQTT-6.0.0-2] a message fragmented into continuation frames streams through in order. */
    @Test
    void deliversAFragmentedMessageInOrder() throws Exception {
        WebSocket socket = TestServers.connect(server, new ClientListener(true));
        RecordingConnection connection = acceptor.next();
        byte[] large = new byte[100_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) i;
        }

        socket.sendBinary(ByteBuffer.wrap(large, 0, 40_000), false).get(5, TimeUnit.SECONDS);
        socket.sendBinary(ByteBuffer.wrap(large, 40_000, 30_000), false).get(5, TimeUnit.SECONDS);
        socket.sendBinary(ByteBuffer.wrap(large, 70_000, 30_000), true).get(5, TimeUnit.SECONDS);
        socket.sendBinary(ByteBuffer.wrap(new byte[] {42}), true).get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> connection.received().length == large.length + 1);
        byte[] expected = new byte[large.length + 1];
        System.arraycopy(large, 0, expected, 0, large.length);
        expected[large.length] = 42;
        assertThat(connection.received()).isEqualTo(expected);
        socket.abort();
    }

    /** [MQTT-6.0.0-1] a text frame is not MQTT: the connection is closed. */
    @Test
    void closesTheConnectionOnATextFrame() throws Exception {
        ClientListener listener = new ClientListener(true);
        WebSocket socket = TestServers.connect(server, listener);
        RecordingConnection connection = acceptor.next();

        socket.sendText("{\"hello\":1}", true).get(5, TimeUnit.SECONDS);

        assertThat(listener.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(UndertowClientChannel.UNSUPPORTED_DATA);
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.closedCalls() == 1);
        assertThat(connection.received()).isEmpty();
        assertThat(connection.callbackThreadsOffExecutor()).isEmpty();
    }

    @Test
    void reportsAClientCloseExactlyOnce() throws Exception {
        WebSocket socket = TestServers.connect(server, new ClientListener(true));
        RecordingConnection connection = acceptor.next();

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> connection.closedCalls() == 1);
        Thread.sleep(100);
        assertThat(connection.closedCalls()).isEqualTo(1);
    }

    /**
     * RFC 6455 5.5.1: after the closing handshake the server closes TCP at once, even when the
     * client keeps its socket open (a WebSocketFramingFuzzTest finding).
     */
    @Test
    void closesTheSocketAfterTheClosingHandshakeEvenIfTheClientDoesNot() throws Exception {
        try (RawWebSocketClient client = RawWebSocketClient.connect(server.boundPort())) {
            RecordingConnection connection = acceptor.next();

            client.write(RawWebSocketClient.frame(RawWebSocketClient.CLOSE, true, new byte[] {0x03, (byte) 0xE9}, 42));

            client.serverClosed.get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> connection.closedCalls() == 1);
            assertThat(connection.callbackThreadsOffExecutor()).isEmpty();
        }
    }

    /**
     * RFC 6455 5.2: a 64-bit payload length must have its most significant bit clear. Undertow
     * 2.4.4 does not check it, and such a length makes its receive throw; the connection then
     * stalled until the engine's timers ended it (WebSocketFramingFuzzTest finding). The listener
     * now closes it by itself with 1002, telling the engine once.
     */
    @Test
    void closesAConnectionWhoseFrameDeclaresAnImpossibleLength() throws Exception {
        assertClosesByItself("82ff" + "ff0000000bffffff" + "ffffffff" + "ffffff130a");
    }

    /**
     * A close frame's header followed by only part of its payload, then the end of input (here
     * behind a complete binary message): Undertow 2.4.4 never tells the close frame the input ended,
     * and the connection stalled (WebSocketFramingFuzzTest finding). The listener now closes it by
     * itself once the close frame is overdue (the drain time, 2 s by default).
     */
    @Test
    void closesAConnectionWhoseCloseFrameNeverEnds() throws Exception {
        assertClosesByItself("8285" + "03020282" + "0101128888" + "88130a");
    }

    private void assertClosesByItself(String hex) throws Exception {
        try (RawWebSocketClient client = RawWebSocketClient.connect(server.boundPort())) {
            RecordingConnection connection = acceptor.next();
            client.write(HexFormat.of().parseHex(hex));
            client.shutdownOutput();

            client.serverClosed.get(10, TimeUnit.SECONDS);
            assertThat(client.serverCloseCode()).as("RFC 6455 7.4.1 protocol error")
                    .isEqualTo(UndertowClientChannel.PROTOCOL_ERROR);
            await().atMost(Duration.ofSeconds(10)).until(() -> connection.closedCalls() == 1);
            Thread.sleep(100);
            assertThat(connection.closedCalls()).isEqualTo(1);
            assertThat(connection.callbackThreadsOffExecutor()).isEmpty();
        }
    }

    @Test
    void stoppingTheServerClosesEveryConnection() throws Exception {
        TestServers.connect(server, new ClientListener(true));
        TestServers.connect(server, new ClientListener(true));
        RecordingConnection first = acceptor.next();
        RecordingConnection second = acceptor.next();

        server.stop();
        server.stop();

        assertThat(first.closedCalls()).isEqualTo(1);
        assertThat(second.closedCalls()).isEqualTo(1);
        assertThat(first.callbackThreadsOffExecutor()).isEmpty();
    }
}
