package dev.tern.adapters.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.application.port.out.ClientChannel;
import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.RecordingConnection;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An engine-initiated close ends the WebSocket with the closing handshake, never a reset, while
 * what the client still sends is read and thrown away, never handed to the engine.
 */
class GracefulCloseTest {

    /** Large, so that the client is still reading it when the socket closes: a reset would cut it short. */
    private static final byte[] LAST_BYTES = new byte[1024 * 1024];

    private final RecordingAcceptor acceptor = new RecordingAcceptor();
    private final UndertowWebSocketServer server = TestServers.start(TestServers.config(), acceptor);

    @AfterEach
    void stopServer() {
        server.stop();
    }

    /** Ten times: a reset does not cut the data short every time, but it does within a few tries. */
    @Test
    void endsWithTheCloseHandshakeWhileDiscardingWhatTheClientStillSends() throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            ClientListener listener = new ClientListener(true);
            WebSocket socket = TestServers.connect(server, listener);
            RecordingConnection connection = acceptor.next();
            ClientChannel channel = connection.channel();
            socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
            await().atMost(Duration.ofSeconds(5)).until(() -> connection.received().length == 3);

            TestServers.onExecutor(channel, () -> {
                channel.write(ByteBuffer.wrap(LAST_BYTES));
                channel.close();
            });
            for (int i = 0; i < 20; i++) {
                // Once the client has answered the close frame its output is closed and sends fail: fine.
                socket.sendBinary(ByteBuffer.wrap(new byte[1024]), true).exceptionally(outputClosed -> null).join();
            }

            assertThat(listener.closeCode.get(5, TimeUnit.SECONDS)).as("try %d: close frame, not a failure", attempt)
                    .isEqualTo(UndertowClientChannel.NORMAL_CLOSURE);
            assertThat(listener.binaryCount()).as("try %d: every byte written before the close", attempt)
                    .isEqualTo(LAST_BYTES.length);
            await().atMost(Duration.ofSeconds(5)).until(() -> connection.closedCalls() == 1);
            assertThat(connection.received()).as("nothing sent after the close reaches the engine").hasSize(3);
            assertThat(connection.callbackThreadsOffExecutor()).isEmpty();
        }
    }

    @Test
    void discardsATextMessageThatArrivesAfterTheClose() throws Exception {
        ClientListener listener = new ClientListener(true);
        WebSocket socket = TestServers.connect(server, listener);
        RecordingConnection connection = acceptor.next();

        TestServers.onExecutor(connection.channel(), connection.channel()::close);
        socket.sendText("not MQTT", true).exceptionally(outputClosed -> null).join();

        assertThat(listener.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(UndertowClientChannel.NORMAL_CLOSURE);
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.closedCalls() == 1);
        assertThat(connection.received()).isEmpty();
    }
}
