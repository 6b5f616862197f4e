package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tern.testkit.transport.RecordingAcceptor;
import dev.tern.testkit.transport.RecordingConnection;
import io.netty.pkitesting.X509Bundle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class TlsListenerTest {

    @TempDir
    Path dir;

    private final RecordingAcceptor acceptor = new RecordingAcceptor(true);
    private TestPki pki;
    private NettyTcpServer server;

    @BeforeEach
    void createPki() throws Exception {
        pki = new TestPki(dir);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void carriesBytesOverTlsWithoutAClientCertificate() throws Exception {
        server = TestServers.start(TestServers.config(false), TlsConfig.pem(pki.serverChain(), pki.serverKey()), acceptor);

        try (SSLSocket socket = connect(null)) {
            assertThat(echoes(socket)).isTrue();
            RecordingConnection connection = acceptor.next();
            assertThat(identityOf(connection)).isNull();
        }
    }

    /**
     * An engine-initiated close over TLS: the last bytes, then close_notify, which the client reads
     * as the end of the stream, although it was still sending; never a reset.
     */
    @Test
    void closesGracefullyWithCloseNotifyWhileTheClientIsStillSending() throws Exception {
        server = TestServers.start(TestServers.config(false), TlsConfig.pem(pki.serverChain(), pki.serverKey()), acceptor);

        try (SSLSocket socket = connect(null)) {
            assertThat(echoes(socket)).isTrue();
            RecordingConnection connection = acceptor.next();
            TestServers.onLoop(connection.channel(), () -> {
                connection.channel().write(ByteBuffer.wrap(new byte[] {(byte) 0xE0, 0x01, (byte) 0x93}));
                connection.channel().close();
            });
            for (int i = 0; i < 20; i++) {
                socket.getOutputStream().write(new byte[512]);
            }

            assertThat(socket.getInputStream().readNBytes(3)).containsExactly(0xE0, 0x01, 0x93);
            assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
            await().atMost(Duration.ofSeconds(5)).until(() -> connection.closedCalls() == 1);
        }
    }

    @Test
    void reportsTheCommonNameOfAVerifiedClientCertificate() throws Exception {
        server = start(TlsConfig.ClientAuth.REQUIRE, null);

        try (SSLSocket socket = connect(pki.client("alice"))) {
            assertThat(echoes(socket)).isTrue();
            assertThat(identityOf(acceptor.next())).isEqualTo("alice");
        }
    }

    @Test
    void refusesAClientWithoutCertificateWhenOneIsRequired() throws Exception {
        server = start(TlsConfig.ClientAuth.REQUIRE, null);

        try (SSLSocket socket = connect(null)) {
            assertThat(echoes(socket)).isFalse();
        }
    }

    @Test
    void acceptsAClientWithoutCertificateWhenOneIsOptional() throws Exception {
        server = start(TlsConfig.ClientAuth.OPTIONAL, null);

        try (SSLSocket socket = connect(null)) {
            assertThat(echoes(socket)).isTrue();
        }
    }

    @Test
    void refusesExpiredUntrustedAndRevokedClientCertificates() throws Exception {
        X509Bundle revoked = pki.client("mallory");
        server = start(TlsConfig.ClientAuth.REQUIRE, pki.crlRevoking(revoked));

        X509Bundle untrusted = pki.client("stranger", pki.otherCa, java.time.Instant.now().plusSeconds(3600));
        for (X509Bundle refused : List.of(pki.expiredClient("old"), untrusted, revoked)) {
            try (SSLSocket socket = connect(refused)) {
                assertThat(echoes(socket)).as(refused.getCertificate().getSubjectX500Principal().getName()).isFalse();
            }
        }
        try (SSLSocket socket = connect(pki.client("alice"))) {
            assertThat(echoes(socket)).isTrue();
        }
    }

    @Test
    void servesKeyMaterialFromAPkcs12Keystore() throws Exception {
        char[] password = "keystore-pw".toCharArray();
        Path keystore = pki.server.toTempKeyStoreFile(password).toPath();
        server = TestServers.start(TestServers.config(false), new TlsConfig(null, null, keystore, password,
                List.of("TLSv1.3"), List.of(), TlsConfig.ClientAuth.NONE, null, null), acceptor);

        try (SSLSocket socket = connect(null)) {
            assertThat(echoes(socket)).isTrue();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void logsAFailedHandshakeAsOneLineWithoutStackTrace() throws Exception {
        server = start(TlsConfig.ClientAuth.REQUIRE, null);
        Logger logger = (Logger) LoggerFactory.getLogger(TlsHandshakeHandler.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try (Socket plain = TestServers.connect(server)) {
            // An MQTT CONNECT in plain text on the TLS port.
            plain.getOutputStream().write(new byte[] {0x10, 0x0c, 0x00, 0x04, 'M', 'Q', 'T', 'T', 4, 2, 0, 60, 0, 0});
            plain.getOutputStream().flush();
            assertThat(firstByteOrEnd(plain)).as("no CONNACK in plain text").isNotEqualTo(0x20);
            await().atMost(Duration.ofSeconds(5)).until(() -> !events.list.isEmpty());
            Thread.sleep(200);
        } finally {
            logger.detachAppender(events);
        }
        assertThat(events.list).hasSize(1);
        assertThat(events.list.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(events.list.get(0).getThrowableProxy()).isNull();
        assertThat(events.list.get(0).getFormattedMessage()).startsWith("TLS handshake with /127.0.0.1:");
    }

    @Test
    void failsToStartWithAMissingKeyFile() throws Exception {
        NettyTcpServer broken = new NettyTcpServer(TestServers.LISTENER, TestServers.config(false),
                TlsConfig.pem(pki.serverChain(), dir.resolve("missing.pem")), acceptor);

        assertThatThrownBy(broken::start).isInstanceOf(IOException.class).hasMessageContaining("missing.pem");
        broken.stop();
    }

    private NettyTcpServer start(TlsConfig.ClientAuth clientAuth, Path crl) throws IOException {
        TlsConfig tls = new TlsConfig(pki.serverChain(), pki.serverKey(), null, null, List.of(), List.of(),
                clientAuth, pki.caFile(), crl);
        return TestServers.start(TestServers.config(false), tls, acceptor);
    }

    private SSLSocket connect(X509Bundle clientCertificate) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManager[] keys = clientCertificate == null ? null
                : new KeyManager[] {new InsistentKeyManager(clientCertificate.toKeyManagerFactory())};
        context.init(keys, pki.ca.toTrustManagerFactory().getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress(TestServers.LOOPBACK, server.boundPort()), 2_000);
        socket.setSoTimeout(3_000);
        return socket;
    }

    /**
     * Whether a byte sent over the connection comes back from the echoing engine. With TLS 1.3 the
     * server judges the client certificate after the client's handshake has finished, so a refusal
     * shows as an alert or end of stream on the first read rather than in {@code startHandshake}.
     */
    private static boolean echoes(SSLSocket socket) throws IOException {
        try {
            socket.startHandshake();
            socket.getOutputStream().write(42);
            socket.getOutputStream().flush();
            return socket.getInputStream().read() == 42;
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first byte the server sends (a TLS alert here), or -1 when it closes or resets the connection. */
    private static int firstByteOrEnd(Socket socket) {
        try {
            return socket.getInputStream().read();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String identityOf(RecordingConnection connection) {
        AtomicReference<String> identity = new AtomicReference<>();
        TestServers.onLoop(connection.channel(), () -> identity.set(connection.channel().certificateIdentity()));
        return identity.get();
    }
}
