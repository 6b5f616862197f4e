package dev.tern.adapters.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tern.adapters.websocket.SecureWebSocketListenerProvider.Settings;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.testkit.transport.RecordingAcceptor;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureWebSocketListenerProviderTest {

    @TempDir
    Path dir;

    @Test
    void buildsAListenerThatUpgradesOverTlsOnItsOwnPathAndStops() throws Exception {
        Instant now = Instant.now();
        X509Bundle ca = new CertificateBuilder().subject("CN=Tern Test CA").ecp256().setIsCertificateAuthority(true)
                .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS)).buildSelfSigned();
        X509Bundle server = new CertificateBuilder().subject("CN=localhost").ecp256().addSanIpAddress("127.0.0.1")
                .addExtendedKeyUsageServerAuth().notBefore(now.minus(1, ChronoUnit.DAYS))
                .notAfter(now.plus(1, ChronoUnit.DAYS)).buildIssuedBy(ca);
        Path cert = Files.writeString(dir.resolve("cert.pem"), server.getCertificatePathPEM(), StandardCharsets.US_ASCII);
        Path key = Files.writeString(dir.resolve("key.pem"), server.getPrivateKeyPEM(), StandardCharsets.US_ASCII);
        RecordingAcceptor acceptor = new RecordingAcceptor();
        NetworkListener listener = new SecureWebSocketListenerProvider().create("wss-browsers",
                new Settings(TestServers.LOOPBACK, 0, "/secure", List.of(), false, Optional.of(cert), Optional.of(key)),
                acceptor);

        listener.start();
        try {
            SSLContext trusting = SSLContext.getInstance("TLS");
            trusting.init(null, ca.toTrustManagerFactory().getTrustManagers(), null);
            WebSocket socket = HttpClient.newBuilder().sslContext(trusting).build().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5)).subprotocols("mqtt")
                    .buildAsync(URI.create("wss://127.0.0.1:" + listener.port() + "/secure"), new ClientListener(true))
                    .get(5, TimeUnit.SECONDS);
            assertThat(acceptor.next().channel().listenerName()).isEqualTo("wss-browsers");
            assertThat(listener.address()).isEqualTo("127.0.0.1:" + listener.port());
            socket.abort();
        } finally {
            listener.stop();
        }
    }

    @Test
    void settingsWithoutKeyFileNameBothFiles() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Settings("127.0.0.1", 8084, "/mqtt", List.of(),
                        false, Optional.of(Path.of("cert.pem")), Optional.empty()))
                .withMessageContaining("cert-file").withMessageContaining("key-file");
    }

    @Test
    void settingsWithoutCertFileAreRefusedToo() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Settings("127.0.0.1", 8084, "/mqtt", List.of(),
                        false, Optional.empty(), Optional.of(Path.of("key.pem"))))
                .withMessageContaining("cert-file");
    }
}
