package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.application.port.out.ClientChannel;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackpressureTest {

    /** Far beyond what loopback socket buffers hold, so the loop below always ends unwritable. */
    private static final long WRITE_LIMIT = 256L * 1024 * 1024;

    private final RecordingAcceptor acceptor = new RecordingAcceptor();
    private final NettyTcpServer server = TestServers.start(acceptor);

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void becomesUnwritableWhileTheClientDoesNotReadAndWritableOnceItDrains() throws Exception {
        try (Socket socket = TestServers.connect(server)) {
            RecordingConnection connection = acceptor.next();
            ClientChannel channel = connection.channel();
            ByteBuffer chunk = ByteBuffer.wrap(new byte[64 * 1024]).asReadOnlyBuffer();
            AtomicLong written = new AtomicLong();

            // What the engine does: keep sending while the channel is writable, then wait.
            TestServers.onLoop(channel, () -> {
                while (channel.isWritable() && written.get() < WRITE_LIMIT) {
                    channel.write(chunk);
                    channel.flush();
                    written.addAndGet(chunk.remaining());
                }
            });

            assertThat(channel.isWritable()).isFalse();
            assertThat(written.get()).isLessThan(WRITE_LIMIT);
            assertThat(connection.writabilityChanges()).endsWith(false);

            drain(socket.getInputStream(), written.get());

            await().atMost(Duration.ofSeconds(5)).until(channel::isWritable);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> connection.writabilityChanges().get(connection.writabilityChanges().size() - 1));
            assertAlternating(connection.writabilityChanges());
            assertThat(connection.callbackThreadsOffLoop()).isEmpty();
        }
    }

    private static void drain(InputStream in, long expected) throws Exception {
        byte[] buffer = new byte[256 * 1024];
        long total = 0;
        while (total < expected) {
            int n = in.read(buffer);
            assertThat(n).as("bytes read before end of stream").isPositive();
            total += n;
        }
        assertThat(total).isEqualTo(expected);
    }

    /** Netty reports only real changes, starting from writable: false, true, false, ... */
    private static void assertAlternating(List<Boolean> changes) {
        assertThat(changes).isNotEmpty();
        for (int i = 0; i < changes.size(); i++) {
            assertThat(changes.get(i)).as("change %d of %s", i, changes).isEqualTo(i % 2 == 1);
        }
    }
}
