package dev.tern.adapters.admin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tern.application.port.out.Readiness;
import dev.tern.application.port.plugin.AdminContext;
import dev.tern.application.port.plugin.NetworkListener;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin listener over HTTPS, with a PEM chain and key. */
class AdminHttpsTest {

    @TempDir
    Path dir;

    @Test
    void servesHealthOverTlsWithThePemIdentity() throws Exception {
        X509Bundle self = new CertificateBuilder().subject("CN=127.0.0.1").ecp256().addSanIpAddress("127.0.0.1")
                .setIsCertificateAuthority(true).notBefore(Instant.now().minus(1, ChronoUnit.HOURS))
                .notAfter(Instant.now().plus(1, ChronoUnit.DAYS)).buildSelfSigned();
        Path cert = Files.writeString(dir.resolve("admin.pem"), self.getCertificatePathPEM(), StandardCharsets.US_ASCII);
        Path key = Files.writeString(dir.resolve("admin.key"), self.getPrivateKeyPEM(), StandardCharsets.US_ASCII);
        AdminContext context = new AdminContext(() -> new Readiness.Report(true, Map.of()), null, k -> Optional.empty(),
                new FakeBrokerAdmin());
        NetworkListener server = new AdminHttpProvider().create("admin-http",
                new AdminHttpProvider.Settings("127.0.0.1", 0, Optional.of(cert), Optional.of(key)), context);
        server.start();
        try {
            SSLContext trusting = SSLContext.getInstance("TLS");
            trusting.init(null, self.toTrustManagerFactory().getTrustManagers(), null);
            assertThat(server.address()).isEqualTo("https://127.0.0.1:" + server.port());

            HttpResponse<String> live = HttpClient.newBuilder().sslContext(trusting).build().send(
                    HttpRequest.newBuilder(URI.create(server.address() + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).isEqualTo("{\"status\": \"live\"}");
        } finally {
            server.stop();
        }
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AdminHttpProvider.Settings("127.0.0.1", 8088,
                Optional.of(Path.of("admin.pem")), Optional.empty())).withMessageContaining("cert-file and key-file");
    }
}
