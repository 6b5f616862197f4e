package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.port.out.CloseLimits;
import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.RecordingConnection;
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
            long written = fillUntilUnwritable(channel);

            assertThat(channel.isWritable()).isFalse();
            assertThat(connection.writabilityChanges()).endsWith(false);

            drain(socket.getInputStream(), written);

            await().atMost(Duration.ofSeconds(5)).until(channel::isWritable);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> connection.writabilityChanges().get(connection.writabilityChanges().size() - 1));
            assertAlternating(connection.writabilityChanges());
            assertThat(connection.callbackThreadsOffExecutor()).isEmpty();
        }
    }

    @Test
    void closeWaitsForWrittenBytesButNoLongerThanTheCloseTimeout() throws Exception {
        RecordingAcceptor ownAcceptor = new RecordingAcceptor();
        NettyTcpServer impatient = new NettyTcpServer(TestServers.LISTENER, TestServers.config(true), null, ownAcceptor,
                Admittance.NONE, new CloseLimits(Duration.ofMillis(300), CloseLimits.DEFAULT.drainTime(),
                        CloseLimits.DEFAULT.drainBytes()));
        impatient.start();
        try (Socket socket = TestServers.connect(impatient)) {
            RecordingConnection connection = ownAcceptor.next();
            ClientChannel channel = connection.channel();
            long written = fillUntilUnwritable(channel);
            long start = System.nanoTime();

            TestServers.onLoop(channel, channel::close);

            assertThat(connection.closedCalls()).as("closed while bytes are still queued").isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> connection.closedCalls() == 1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            // What the kernel already held still arrives; what Netty still queued was given up.
            assertThat((long) socket.getInputStream().readAllBytes().length).isLessThan(written);
        } finally {
            impatient.stop();
        }
    }

    /** What the engine does: keep sending while the channel is writable, then wait. */
    private static long fillUntilUnwritable(ClientChannel channel) {
        ByteBuffer chunk = ByteBuffer.wrap(new byte[64 * 1024]).asReadOnlyBuffer();
        AtomicLong written = new AtomicLong();
        TestServers.onLoop(channel, () -> {
            while (channel.isWritable() && written.get() < WRITE_LIMIT) {
                channel.write(chunk);
                channel.flush();
                written.addAndGet(chunk.remaining());
            }
        });
        assertThat(written.get()).isLessThan(WRITE_LIMIT);
        return written.get();
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
