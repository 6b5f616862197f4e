package dev.tern.adapters.tcp;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.RevocationServer;
import io.netty.pkitesting.X509Bundle;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A throw-away PKI for TLS tests: a CA, a server certificate for 127.0.0.1, client certificates
 * (valid, expired, revoked, or from a CA the server does not trust) and a CRL, written as PEM where
 * the listener reads files.
 */
final class TestPki {

    final X509Bundle ca;
    final X509Bundle server;
    final X509Bundle otherCa;
    private final Path dir;

    TestPki(Path dir) throws Exception {
        this.dir = dir;
        Instant now = Instant.now();
        ca = new CertificateBuilder().subject("CN=Tern Test CA").ecp256().setIsCertificateAuthority(true)
                .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS)).buildSelfSigned();
        otherCa = new CertificateBuilder().subject("CN=Stranger CA").ecp256().setIsCertificateAuthority(true)
                .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS)).buildSelfSigned();
        server = new CertificateBuilder().subject("CN=localhost").ecp256().addSanIpAddress("127.0.0.1")
                .addSanDnsName("localhost").addExtendedKeyUsageServerAuth()
                .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(1, ChronoUnit.DAYS)).buildIssuedBy(ca);
    }

    X509Bundle client(String commonName) throws Exception {
        return client(commonName, ca, Instant.now().plus(1, ChronoUnit.DAYS));
    }

    X509Bundle expiredClient(String commonName) throws Exception {
        return client(commonName, ca, Instant.now().minus(1, ChronoUnit.HOURS));
    }

    X509Bundle client(String commonName, X509Bundle issuer, Instant notAfter) throws Exception {
        return new CertificateBuilder().subject("CN=" + commonName + ",O=Tern Tests").ecp256()
                .addExtendedKeyUsageClientAuth().notBefore(notAfter.minus(2, ChronoUnit.DAYS)).notAfter(notAfter)
                .buildIssuedBy(issuer);
    }

    Path serverChain() throws IOException {
        return write("server-chain.pem", server.getCertificatePathPEM());
    }

    Path serverKey() throws IOException {
        return write("server-key.pem", server.getPrivateKeyPEM());
    }

    Path caFile() throws IOException {
        return write("ca.pem", ca.getCertificatePEM());
    }

    /** A CRL issued by the CA listing {@code revoked}, fetched from netty-pkitesting's local revocation server. */
    Path crlRevoking(X509Bundle revoked) throws Exception {
        RevocationServer revocations = RevocationServer.getInstance();
        revocations.register(ca);
        revocations.revoke(revoked, Instant.now().minus(1, ChronoUnit.MINUTES));
        HttpResponse<byte[]> crl = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(revocations.getCrlUri(ca)).build(), HttpResponse.BodyHandlers.ofByteArray());
        Path file = dir.resolve("ca.crl");
        Files.write(file, crl.body());
        return file;
    }

    private Path write(String name, String pem) throws IOException {
        return Files.writeString(dir.resolve(name), pem, StandardCharsets.US_ASCII);
    }
}
