package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.ClientChannel;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A connection that keeps its socket full gets one read of at most 16 KiB per turn of its event
 * loop: then the loop runs its queued tasks and looks at its other sockets. A turn is seen from
 * the engine's side: the first bytes of a turn queue a task, which runs once the loop is done
 * reading, so the bytes handed over before that task ran are the bytes of one turn.
 */
class FairReadsTest {

    private static final int SENT = 4 * 1024 * 1024;

    private final TurnCountingAcceptor acceptor = new TurnCountingAcceptor();
    private NettyTcpServer server;

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsAtMostSixteenKibFromOneConnectionPerTurnOfTheEventLoop(boolean preferEpoll) throws Exception {
        assertMostBytesInOneTurn(TestServers.config(preferEpoll), FairReads.DEFAULT_BYTES_PER_TURN);
    }

    @Test
    void readsNoMoreThanTheConfiguredBudgetPerTurn() throws Exception {
        TcpListenerConfig base = TestServers.config(true);
        assertMostBytesInOneTurn(new TcpListenerConfig(base.host(), 0, base.ioThreads(), base.writeBufferLowWaterMark(),
                base.writeBufferHighWaterMark(), true, 4096), 4096);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsPastTheBudgetWhileTheEngineAwaitsTheRestOfAPacket(boolean preferEpoll) throws Exception {
        server = TestServers.start(TestServers.config(preferEpoll), acceptor);
        try (Socket socket = TestServers.connect(server)) {
            TurnCountingConnection connection = acceptor.next();
            connection.packetBytes = SENT;
            OutputStream out = socket.getOutputStream();
            out.write(new byte[SENT]);
            out.flush();

            await().atMost(Duration.ofSeconds(20)).until(() -> connection.received.get() == SENT);
            assertThat(connection.mostBytesInOneTurn.get())
                    .isGreaterThan(FairReads.DEFAULT_BYTES_PER_TURN)
                    .isLessThanOrEqualTo(FairReads.DEFAULT_BYTES_PER_TURN + FairReads.MAX_EXTENSION + FairReads.MAX_AWAITED_READ);
        }
    }

    @Test
    void keepsToTheBudgetForAClientStreamingSmallPacketsThoughEachTurnEndsInsideOne() throws Exception {
        server = TestServers.start(TestServers.config(true), acceptor);
        try (Socket socket = TestServers.connect(server)) {
            TurnCountingConnection connection = acceptor.next();
            connection.packetBytes = 100;
            OutputStream out = socket.getOutputStream();
            out.write(new byte[SENT]);
            out.flush();

            await().atMost(Duration.ofSeconds(20)).until(() -> connection.received.get() == SENT);
            assertThat(connection.mostBytesInOneTurn.get()).isPositive()
                    .isLessThanOrEqualTo(FairReads.DEFAULT_BYTES_PER_TURN);
        }
    }

    private void assertMostBytesInOneTurn(TcpListenerConfig config, int budget) throws Exception {
        server = TestServers.start(config, acceptor);
        try (Socket socket = TestServers.connect(server)) {
            TurnCountingConnection connection = acceptor.next();
            OutputStream out = socket.getOutputStream();
            out.write(new byte[SENT]);
            out.flush();

            await().atMost(Duration.ofSeconds(20)).until(() -> connection.received.get() == SENT);
            assertThat(connection.mostBytesInOneTurn.get()).isPositive().isLessThanOrEqualTo(budget);
        }
    }

    /** Threading: onBytes and the turn task run on the connection's event loop; the counters are read by the test. */
    private static final class TurnCountingConnection implements InboundConnection {

        final AtomicLong received = new AtomicLong();
        /** The size of the packets this connection pretends to be reading, back to back; 0: it awaits nothing. */
        volatile long packetBytes;
        final AtomicInteger mostBytesInOneTurn = new AtomicInteger();
        private final ClientChannel channel;
        private int bytesThisTurn;
        private boolean turnTaskQueued;

        TurnCountingConnection(ClientChannel channel) {
            this.channel = channel;
        }

        @Override
        public void onBytes(ByteBuffer bytes) {
            int size = bytes.remaining();
            bytes.position(bytes.limit());
            received.addAndGet(size);
            bytesThisTurn += size;
            mostBytesInOneTurn.accumulateAndGet(bytesThisTurn, Math::max);
            if (!turnTaskQueued) {
                turnTaskQueued = true;
                channel.executor().execute(() -> {
                    turnTaskQueued = false;
                    bytesThisTurn = 0;
                });
            }
        }

        @Override
        public int bytesAwaited() {
            long size = packetBytes;
            return size == 0 ? 0 : (int) ((size - received.get() % size) % size);
        }

        @Override
        public void onWritabilityChanged(boolean writable) {
        }

        @Override
        public void onClosed() {
        }
    }

    /** Threading: accept runs on the server's loops, next on the test thread. */
    private static final class TurnCountingAcceptor implements ConnectionAcceptor {

        private final BlockingQueue<TurnCountingConnection> accepted = new ArrayBlockingQueue<>(4);

        @Override
        public InboundConnection accept(ClientChannel channel) {
            TurnCountingConnection connection = new TurnCountingConnection(channel);
            accepted.add(connection);
            return connection;
        }

        TurnCountingConnection next() throws InterruptedException {
            TurnCountingConnection connection = accepted.poll(5, TimeUnit.SECONDS);
            assertThat(connection).as("accepted connection").isNotNull();
            return connection;
        }
    }
}
