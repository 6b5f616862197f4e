package dev.tern.adapters.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.application.port.out.ClientChannel;
import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.RecordingConnection;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboundWriteTest {

    /** Far beyond what loopback socket buffers hold, so filling always ends unwritable. */
    private static final long WRITE_LIMIT = 256L * 1024 * 1024;

    private final RecordingAcceptor acceptor = new RecordingAcceptor();
    private final UndertowWebSocketServer server = TestServers.start(TestServers.config(), acceptor);

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void sendsWrittenBytesOnFlushOnlyAndLeavesTheCallersBufferUntouched() throws Exception {
        ClientListener listener = new ClientListener(true);
        WebSocket socket = TestServers.connect(server, listener);
        ClientChannel channel = acceptor.next().channel();
        ByteBuffer shared = ByteBuffer.wrap(new byte[] {0x20, 0x02, 0x00, 0x00}).asReadOnlyBuffer();

        TestServers.onExecutor(channel, () -> {
            channel.write(shared);
            channel.write(ByteBuffer.wrap(new byte[] {(byte) 0xd0, 0x00}));
        });
        Thread.sleep(200);
        assertThat(listener.binary()).as("nothing leaves before flush").isEmpty();

        TestServers.onExecutor(channel, channel::flush);

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.binary().length == 6);
        assertThat(listener.binary()).containsExactly(0x20, 0x02, 0x00, 0x00, 0xd0, 0x00);
        assertThat(shared.position()).isZero();
        socket.abort();
    }

    @Test
    void closeSendsWhatWasWrittenThenANormalCloseFrame() throws Exception {
        ClientListener listener = new ClientListener(true);
        TestServers.connect(server, listener);
        RecordingConnection connection = acceptor.next();
        ClientChannel channel = connection.channel();

        TestServers.onExecutor(channel, () -> {
            channel.write(ByteBuffer.wrap(new byte[] {0x20, 0x02, 0x00, (byte) 0x87}));
            channel.close();
        });

        assertThat(listener.closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(UndertowClientChannel.NORMAL_CLOSURE);
        assertThat(listener.binary()).containsExactly(0x20, 0x02, 0x00, 0x87);
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.closedCalls() == 1);
    }

    @Test
    void becomesUnwritableWhileTheClientDoesNotReadAndWritableOnceItDrains() throws Exception {
        ClientListener listener = new ClientListener(false);
        WebSocket socket = TestServers.connect(server, listener);
        RecordingConnection connection = acceptor.next();
        ClientChannel channel = connection.channel();

        fillUntilUnwritable(channel);
        assertThat(channel.isWritable()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.writabilityChanges().equals(List.of(false)));

        socket.request(Long.MAX_VALUE);

        await().atMost(Duration.ofSeconds(10)).until(channel::isWritable);
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.writabilityChanges().equals(List.of(false, true)));
        assertThat(connection.callbackThreadsOffExecutor()).isEmpty();
        socket.abort();
    }

    /** What the engine does: keep sending while the channel is writable, then wait. */
    private static void fillUntilUnwritable(ClientChannel channel) {
        ByteBuffer chunk = ByteBuffer.wrap(new byte[16 * 1024]).asReadOnlyBuffer();
        AtomicLong written = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            TestServers.onExecutor(channel, () -> {
                while (channel.isWritable() && written.get() < WRITE_LIMIT) {
                    channel.write(chunk);
                    channel.flush();
                    written.addAndGet(chunk.remaining());
                }
            });
            if (!channel.isWritable()) {
                return;
            }
        }
    }
}
