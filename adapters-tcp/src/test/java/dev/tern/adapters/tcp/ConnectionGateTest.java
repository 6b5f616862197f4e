package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.testkit.transport.CountingGate;
import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.RecordingConnection;
import dev.tern.testkit.transport.TlsProbe;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener's gate at accept, with real sockets: refusals, releases, pauses, and TLS untouched. */
class ConnectionGateTest {

    @TempDir
    Path dir;

    private final RecordingAcceptor acceptor = new RecordingAcceptor(true);
    private final List<Socket> sockets = new ArrayList<>();
    private NettyTcpServer server;

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aConnectionBeyondTheGateIsClosedAtAcceptAndNeverReachesTheEngine() throws Exception {
        CountingGate gate = CountingGate.admitting(1);
        server = start(null, new Admittance(gate, false));

        Socket first = connect();
        RecordingConnection admitted = acceptor.next();
        Socket second = connect();

        assertThat(readUntilClosed(second)).isEqualTo(-1);
        assertThat(gate.refused()).isEqualTo(1);
        assertThat(acceptor.nothingAccepted()).isTrue();
        first.getOutputStream().write(7);
        assertThat(first.getInputStream().read()).as("the admitted connection still works").isEqualTo(7);
        assertThat(admitted.channel().listenerName()).isEqualTo(TestServers.LISTENER);
    }

    @Test
    void aClosedConnectionGivesItsPlaceBackForTheNext() throws Exception {
        CountingGate gate = CountingGate.admitting(1);
        server = start(null, new Admittance(gate, false));

        connect().close();
        acceptor.next();
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.released() == 1);

        Socket again = connect();
        acceptor.next();
        again.getOutputStream().write(9);
        assertThat(again.getInputStream().read()).isEqualTo(9);
        assertThat(gate.refused()).isZero();
    }

    @Test
    void aRefusedTlsConnectionGetsNoServerHello() throws Exception {
        TestPki pki = new TestPki(dir);
        TlsConfig tls = TlsConfig.pem(pki.serverChain(), pki.serverKey());
        CountingGate gate = CountingGate.admitting(1);
        server = start(tls, new Admittance(gate, false));

        Socket admitted = connect();
        assertThat(TlsProbe.firstByteAfterClientHello(admitted)).as("the handshake begins for an admitted one")
                .isEqualTo(TlsProbe.HANDSHAKE_RECORD);
        Socket refused = connect();

        assertThat(TlsProbe.firstByteAfterClientHello(refused)).isEqualTo(-1);
        assertThat(gate.refused()).isEqualTo(1);
    }

    @Test
    void aPauseHoldsBackTheNextConnectionsUntilItIsOver() throws Exception {
        long pause = TimeUnit.SECONDS.toNanos(2);
        CountingGate gate = CountingGate.pausing(0, pause);
        server = start(null, new Admittance(gate, true));

        long started = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            connect();
        }
        // The kernel completes the handshakes; the listener accepts the first, then pauses.
        acceptor.next();
        acceptor.next();
        long second = System.nanoTime() - started;
        acceptor.next();

        assertThat(second).as("nanoseconds until the second was accepted").isGreaterThanOrEqualTo(pause);
        assertThat(gate.accepts()).isEqualTo(3);
        assertThat(gate.refused()).isZero();
    }

    private NettyTcpServer start(TlsConfig tls, Admittance admittance) throws IOException {
        NettyTcpServer started = new NettyTcpServer(TestServers.LISTENER, TestServers.config(true), tls, acceptor,
                admittance);
        started.start();
        return started;
    }

    private Socket connect() throws IOException {
        Socket socket = TestServers.connect(server);
        sockets.add(socket);
        return socket;
    }

    /** -1 once the server has closed the connection (or reset it) without sending anything. */
    private static int readUntilClosed(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}
