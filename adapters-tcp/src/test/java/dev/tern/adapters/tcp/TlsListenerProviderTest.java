package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tern.adapters.tcp.TlsListenerProvider.ClientAuth;
import dev.tern.adapters.tcp.TlsListenerProvider.Settings;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.testkit.transport.RecordingAcceptor;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsListenerProviderTest {

    private static final Optional<Path> NONE = Optional.empty();
    private static final Optional<Path> CERT = Optional.of(Path.of("cert.pem"));
    private static final Optional<Path> KEY = Optional.of(Path.of("key.pem"));
    private static final Optional<Path> KEYSTORE = Optional.of(Path.of("server.p12"));
    private static final Optional<Path> CA = Optional.of(Path.of("ca.pem"));

    @TempDir
    Path dir;

    @Test
    void buildsAListenerThatServesTlsOnAFreePortAndStops() throws Exception {
        TestPki pki = new TestPki(dir);
        RecordingAcceptor acceptor = new RecordingAcceptor(true);
        NetworkListener listener = new TlsListenerProvider().create("tls-partners",
                settings(Optional.of(pki.serverChain()), Optional.of(pki.serverKey()), NONE, ClientAuth.NONE, NONE, NONE),
                acceptor);

        listener.start();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, pki.ca.toTrustManagerFactory().getTrustManagers(), null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(TestServers.LOOPBACK, listener.port()), 2_000);
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(42);
                socket.getOutputStream().flush();
                assertThat(socket.getInputStream().read()).isEqualTo(42);
                assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            }
            assertThat(acceptor.next().channel().listenerName()).isEqualTo("tls-partners");
            assertThat(listener.address()).isEqualTo("127.0.0.1:" + listener.port() + " (client certificates none)");
        } finally {
            listener.stop();
        }
    }

    @Test
    void settingsWithoutKeyMaterialNameTheFilesToGive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(NONE, NONE, NONE, ClientAuth.NONE, NONE, NONE))
                .withMessageContaining("cert-file").withMessageContaining("key-file").withMessageContaining("pkcs12-file");
    }

    @Test
    void settingsRefuseACertificateWithoutItsKeyAndPemTogetherWithPkcs12() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings(CERT, NONE, NONE, ClientAuth.NONE, NONE, NONE))
                .withMessageContaining("key-file");
        assertThatIllegalArgumentException().isThrownBy(() -> settings(CERT, KEY, KEYSTORE, ClientAuth.NONE, NONE, NONE))
                .withMessageContaining("pkcs12-file");
    }

    @Test
    void settingsRefuseClientCertificatesOrARevocationListWithoutCaFile() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings(CERT, KEY, NONE, ClientAuth.REQUIRED, NONE, NONE))
                .withMessage("client-auth required needs ca-file");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(CERT, KEY, NONE, ClientAuth.NONE, NONE, Optional.of(Path.of("ca.crl"))))
                .withMessageContaining("crl-file").withMessageContaining("ca-file");
    }

    @Test
    void acceptsPkcs12AloneAndClientCertificatesWithACaFile() {
        assertThat(settings(NONE, NONE, KEYSTORE, ClientAuth.OPTIONAL, CA, NONE).clientAuth())
                .isEqualTo(ClientAuth.OPTIONAL);
    }

    @Test
    void theWordDefaultLeavesProtocolsAndCiphersToTheLibrary() {
        Settings settings = new Settings("127.0.0.1", 8883, CERT, KEY, NONE, Optional.empty(), List.of("default"),
                List.of("default"), ClientAuth.NONE, NONE, NONE, 0, 0);

        assertThat(settings.protocols()).isEmpty();
        assertThat(settings.ciphers()).isEmpty();
    }

    @Test
    void settingsTextLeavesThePkcs12PasswordOut() {
        Settings settings = new Settings("127.0.0.1", 8883, NONE, NONE, KEYSTORE, Optional.of("s3cret"),
                List.of("TLSv1.3"), List.of(), ClientAuth.NONE, NONE, NONE, 0, 0);

        assertThat(settings.toString()).doesNotContain("s3cret").contains("server.p12");
    }

    private static Settings settings(Optional<Path> cert, Optional<Path> key, Optional<Path> pkcs12,
                                     ClientAuth clientAuth, Optional<Path> ca, Optional<Path> crl) {
        return new Settings(TestServers.LOOPBACK, 0, cert, key, pkcs12, Optional.empty(),
                List.of("TLSv1.3", "TLSv1.2"), List.of("default"), clientAuth, ca, crl, 0, 0);
    }
}
