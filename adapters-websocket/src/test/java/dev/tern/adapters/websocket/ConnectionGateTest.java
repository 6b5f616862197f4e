package dev.tern.adapters.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.application.port.out.CloseLimits;
import dev.tern.testkit.transport.CountingGate;
import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.TlsProbe;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket listener's gate at accept, with real sockets: before HTTP, before TLS. */
class ConnectionGateTest {

    private static final byte[] UPGRADE = ("GET /mqtt HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Protocol: mqtt\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private final RecordingAcceptor acceptor = new RecordingAcceptor(true);
    private final List<Socket> sockets = new ArrayList<>();
    private UndertowWebSocketServer server;

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
    void aConnectionBeyondTheGateIsClosedBeforeAnyHttpAnswer() throws Exception {
        CountingGate gate = CountingGate.admitting(1);
        server = start(TestServers.config(), gate);

        Socket admitted = connect();
        assertThat(firstByteAfter(admitted, UPGRADE)).as("an admitted one is answered").isEqualTo('H');
        Socket refused = connect();

        assertThat(firstByteAfter(refused, UPGRADE)).isEqualTo(-1);
        assertThat(gate.refused()).isEqualTo(1);
        assertThat(acceptor.next().channel().listenerName()).isEqualTo(TestServers.LISTENER);
        assertThat(acceptor.nothingAccepted()).isTrue();
    }

    @Test
    void aClosedWebSocketGivesItsPlaceBackForTheNext() throws Exception {
        CountingGate gate = CountingGate.admitting(1);
        server = start(TestServers.config(), gate);

        WebSocketClientConnection.open(TestServers.uri(server, "/mqtt")).close();
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.released() == 1);

        try (WebSocketClientConnection again = WebSocketClientConnection.open(TestServers.uri(server, "/mqtt"))) {
            again.output().write(5);
            again.output().flush();
            assertThat(again.input().read()).isEqualTo(5);
        }
        assertThat(gate.refused()).isZero();
    }

    @Test
    void aRefusedSecureConnectionGetsNoServerHello() throws Exception {
        CountingGate gate = CountingGate.admitting(1);
        server = start(new WebSocketListenerConfig(TestServers.LOOPBACK, 0, "/mqtt", 2, 16 * 1024, 32 * 1024,
                List.of(), false, Optional.of(serverIdentity())), gate);

        Socket admitted = connect();
        assertThat(TlsProbe.firstByteAfterClientHello(admitted)).as("the handshake begins for an admitted one")
                .isEqualTo(TlsProbe.HANDSHAKE_RECORD);
        assertThat(TlsProbe.firstByteAfterClientHello(connect())).isEqualTo(-1);
        assertThat(gate.refused()).isEqualTo(1);

        admitted.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.released() == 1);
    }

    @Test
    void aPauseHoldsBackTheNextConnectionsUntilItIsOver() throws Exception {
        long pause = TimeUnit.SECONDS.toNanos(2);
        CountingGate gate = CountingGate.pausing(0, pause);
        server = start(TestServers.config(), gate);

        long started = System.nanoTime();
        connect();
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.accepts() == 1);
        // XNIO takes connections from the kernel ahead of this listener: give the suspension a
        // moment to reach its accepting thread before more clients come.
        Thread.sleep(200);
        connect();
        connect();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> gate.accepts() >= 2);
        long second = System.nanoTime() - started;

        assertThat(second).as("nanoseconds until the second was accepted").isGreaterThanOrEqualTo(pause);
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.accepts() == 3);
        assertThat(gate.refused()).isZero();
    }

    private UndertowWebSocketServer start(WebSocketListenerConfig config, CountingGate gate) throws IOException {
        UndertowWebSocketServer started = new UndertowWebSocketServer(TestServers.LISTENER, config, acceptor, gate,
                CloseLimits.DEFAULT);
        started.start();
        return started;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(TestServers.LOOPBACK, server.boundPort()), 2_000);
        socket.setSoTimeout(5_000);
        sockets.add(socket);
        return socket;
    }

    /** The first byte the server answers {@code request} with, or -1 when it closed without a word. */
    private static int firstByteAfter(Socket socket, byte[] request) throws IOException {
        try {
            socket.getOutputStream().write(request);
            return socket.getInputStream().read();
        } catch (SocketException closedOrReset) {
            return -1;
        }
    }

    private PemTls serverIdentity() throws IOException {
        Instant now = Instant.now();
        try {
            X509Bundle ca = new CertificateBuilder().subject("CN=Tern Test CA").ecp256().setIsCertificateAuthority(true)
                    .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS)).buildSelfSigned();
            X509Bundle identity = new CertificateBuilder().subject("CN=localhost").ecp256()
                    .addSanIpAddress("127.0.0.1").addExtendedKeyUsageServerAuth()
                    .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS)).buildIssuedBy(ca);
            Path cert = Files.writeString(dir.resolve("cert.pem"), identity.getCertificatePathPEM(),
                    StandardCharsets.US_ASCII);
            Path key = Files.writeString(dir.resolve("key.pem"), identity.getPrivateKeyPEM(), StandardCharsets.US_ASCII);
            return new PemTls(cert, key);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
