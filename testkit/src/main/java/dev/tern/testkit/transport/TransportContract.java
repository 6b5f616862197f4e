package dev.tern.testkit.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.port.plugin.NetworkListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every listener (transport) must do for the engine: hand each connection to the {@link
 * ConnectionAcceptor}, carry bytes both ways complete and in order, report back-pressure through
 * {@link ClientChannel#isWritable()} and {@code onWritabilityChanged}, and report a close from
 * either side. A listener's test extends it, building the listener around the given acceptor and
 * opening client connections to it; the engine is played by a {@link RecordingAcceptor}.
 *
 * <p>Threading: JUnit runs each test on one thread; the listener calls the recording connection
 * on its own threads, and every such call must come on the channel's executor.
 */
public abstract class TransportContract {

    private static final long WAIT_MILLIS = 10_000;
    /** Far beyond what loopback socket buffers hold, so filling always ends unwritable. */
    private static final long WRITE_LIMIT = 256L * 1024 * 1024;
    private static final int CHUNK = 16 * 1024;

    private final RecordingAcceptor acceptor = new RecordingAcceptor();
    private final List<ClientConnection> clients = new ArrayList<>();
    private NetworkListener listener;

    /** An unstarted listener on a free loopback port that hands every connection to {@code acceptor}. */
    protected abstract NetworkListener createListener(ConnectionAcceptor acceptor);

    /** A new client connection to {@code listener}, which is started. */
    protected abstract ClientConnection connect(NetworkListener listener) throws Exception;

    @BeforeEach
    final void startListener() throws IOException {
        listener = createListener(acceptor);
        listener.start();
    }

    @AfterEach
    final void stopListener() throws IOException {
        for (ClientConnection client : clients) {
            client.close();
        }
        listener.stop();
    }

    private ClientConnection client() throws Exception {
        ClientConnection client = connect(listener);
        clients.add(client);
        return client;
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + i / 256);
        }
        return bytes;
    }

    /** Polls until {@code condition} holds, failing with {@code what} after ten seconds. */
    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + WAIT_MILLIS + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }

    private static void assertCalledOnExecutorOnly(RecordingConnection connection) {
        assertThat(connection.callbackThreadsOffExecutor()).as("callbacks off the channel's executor").isEmpty();
    }

    @Test
    void handsANewConnectionToTheAcceptorWithItsChannel() throws Exception {
        client();

        RecordingConnection connection = acceptor.next();

        assertThat(connection.channel().isWritable()).isTrue();
        assertThat(connection.channel().remoteAddress()).isNotBlank();
        assertThat(connection.channel().executor()).isNotNull();
        assertThat(acceptor.nothingAccepted()).isTrue();
    }

    @Test
    void deliversBytesSentInOneWriteCompleteAndInOrder() throws Exception {
        ClientConnection client = client();
        RecordingConnection connection = acceptor.next();
        byte[] sent = pattern(8 * 1024);

        client.output().write(sent);
        client.output().flush();

        eventually("all " + sent.length + " bytes received", () -> connection.received().length >= sent.length);
        assertThat(connection.received()).isEqualTo(sent);
        assertCalledOnExecutorOnly(connection);
    }

    @Test
    void deliversBytesSplitAcrossManyWritesCompleteAndInOrder() throws Exception {
        ClientConnection client = client();
        RecordingConnection connection = acceptor.next();
        byte[] sent = pattern(3_000);
        OutputStream output = client.output();

        for (int offset = 0; offset < sent.length; ) {
            int length = Math.min(1 + offset % 7, sent.length - offset);
            output.write(sent, offset, length);
            output.flush();
            offset += length;
        }

        eventually("all " + sent.length + " bytes received", () -> connection.received().length >= sent.length);
        assertThat(connection.received()).isEqualTo(sent);
        assertCalledOnExecutorOnly(connection);
    }

    @Test
    void carriesWhatTheBrokerSideWritesToTheClientOnFlush() throws Exception {
        ClientConnection client = client();
        ClientChannel channel = acceptor.next().channel();
        byte[] first = pattern(1_000);
        byte[] second = {0x30, 0x00, 0x7f};

        OnExecutor.run(channel, () -> {
            channel.write(ByteBuffer.wrap(first).asReadOnlyBuffer());
            channel.write(ByteBuffer.wrap(second).asReadOnlyBuffer());
            channel.flush();
        });

        assertThat(client.input().readNBytes(first.length)).isEqualTo(first);
        assertThat(client.input().readNBytes(second.length)).isEqualTo(second);
    }

    /** What the engine relies on to stop queueing for a client that does not read, and to resume. */
    @Test
    void becomesUnwritableWhileTheClientDoesNotReadAndWritableOnceItDrains() throws Exception {
        ClientConnection client = client();
        RecordingConnection connection = acceptor.next();
        ClientChannel channel = connection.channel();

        long written = fillUntilUnwritable(channel);

        assertThat(channel.isWritable()).isFalse();
        eventually("onWritabilityChanged(false)", () -> connection.writabilityChanges().contains(false));
        drain(client.input(), written);
        eventually("writable again", channel::isWritable);
        eventually("onWritabilityChanged(true) last", () -> {
            List<Boolean> changes = connection.writabilityChanges();
            return !changes.isEmpty() && changes.get(changes.size() - 1);
        });
        assertCalledOnExecutorOnly(connection);
    }

    @Test
    void reportsACloseFromTheClientOnce() throws Exception {
        ClientConnection client = client();
        RecordingConnection connection = acceptor.next();

        client.close();

        eventually("onClosed", () -> connection.closedCalls() > 0);
        Thread.sleep(100);
        assertThat(connection.closedCalls()).isEqualTo(1);
        assertCalledOnExecutorOnly(connection);
    }

    @Test
    void closesTheClientWhenTheBrokerSideClosesAndReportsItOnce() throws Exception {
        ClientConnection client = client();
        RecordingConnection connection = acceptor.next();
        ClientChannel channel = connection.channel();
        byte[] last = {0x20, 0x02, 0x00, (byte) 0x87};

        OnExecutor.run(channel, () -> {
            channel.write(ByteBuffer.wrap(last).asReadOnlyBuffer());
            channel.close();
        });

        // Close flushes first: what was written still arrives, then the end of the stream.
        assertThat(client.input().readNBytes(last.length)).isEqualTo(last);
        assertThat(client.input().read()).isEqualTo(-1);
        eventually("onClosed", () -> connection.closedCalls() > 0);
        assertThat(connection.closedCalls()).isEqualTo(1);
        assertCalledOnExecutorOnly(connection);
    }

    /** What the engine does: keep sending while the channel is writable, then wait. */
    private static long fillUntilUnwritable(ClientChannel channel) {
        ByteBuffer chunk = ByteBuffer.wrap(pattern(CHUNK)).asReadOnlyBuffer();
        AtomicLong written = new AtomicLong();
        OnExecutor.run(channel, () -> {
            while (channel.isWritable() && written.get() < WRITE_LIMIT) {
                channel.write(chunk.duplicate());
                channel.flush();
                written.addAndGet(CHUNK);
            }
        });
        assertThat(written.get()).as("bytes written before the channel became unwritable").isLessThan(WRITE_LIMIT);
        return written.get();
    }

    private static void drain(InputStream input, long expected) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (total < expected) {
            int n = input.read(buffer, 0, (int) Math.min(buffer.length, expected - total));
            assertThat(n).as("bytes read before end of stream").isPositive();
            total += n;
        }
    }
}
