package dev.tern.e2e.security;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.RevocationServer;
import io.netty.pkitesting.X509Bundle;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A throw-away PKI generated per test class: a CA, the broker's certificate for 127.0.0.1, client
 * certificates (valid, expired, revoked, or signed by an impostor CA that copies the real CA's name,
 * so the client's TLS stack offers it and the broker's signature check must catch it), and PEM files.
 */
final class TestPki {

    private static final String CA_NAME = "CN=Tern Test CA,O=Tern Tests";

    final X509Bundle ca;
    final X509Bundle impostorCa;
    final X509Bundle server;
    final Path dir;

    TestPki(Path dir) throws Exception {
        this.dir = dir;
        ca = authority();
        impostorCa = authority();
        server = new CertificateBuilder().subject("CN=localhost").ecp256().addSanIpAddress("127.0.0.1")
                .addSanDnsName("localhost").addExtendedKeyUsageServerAuth()
                .notBefore(days(-1)).notAfter(days(30)).buildIssuedBy(ca);
    }

    X509Bundle client(String commonName) throws Exception {
        return client(commonName, ca, days(30));
    }

    X509Bundle expiredClient(String commonName) throws Exception {
        return client(commonName, ca, Instant.now().minus(1, ChronoUnit.HOURS));
    }

    X509Bundle impostorClient(String commonName) throws Exception {
        return client(commonName, impostorCa, days(30));
    }

    Path serverChain() throws Exception {
        return write("server-chain.pem", server.getCertificatePathPEM());
    }

    Path serverKey() throws Exception {
        return write("server-key.pem", server.getPrivateKeyPEM());
    }

    Path caFile() throws Exception {
        return write("ca.pem", ca.getCertificatePEM());
    }

    Path clientCert(String name, X509Bundle client) throws Exception {
        return write(name + "-cert.pem", client.getCertificatePEM());
    }

    Path clientKey(String name, X509Bundle client) throws Exception {
        return write(name + "-key.pem", client.getPrivateKeyPEM());
    }

    /** A CRL of the CA revoking {@code revoked}, from netty-pkitesting's local revocation server. */
    Path crlRevoking(X509Bundle revoked) throws Exception {
        RevocationServer revocations = RevocationServer.getInstance();
        revocations.register(ca);
        revocations.revoke(revoked, Instant.now().minus(1, ChronoUnit.MINUTES));
        HttpResponse<byte[]> crl = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(revocations.getCrlUri(ca)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return Files.write(dir.resolve("ca.crl"), crl.body());
    }

    private static X509Bundle authority() throws Exception {
        return new CertificateBuilder().subject(CA_NAME).ecp256().setIsCertificateAuthority(true)
                .notBefore(days(-1)).notAfter(days(30)).buildSelfSigned();
    }

    private static X509Bundle client(String commonName, X509Bundle issuer, Instant notAfter) throws Exception {
        return new CertificateBuilder().subject("CN=" + commonName + ",O=Tern Tests").ecp256()
                .addExtendedKeyUsageClientAuth().notBefore(notAfter.minus(60, ChronoUnit.DAYS)).notAfter(notAfter)
                .buildIssuedBy(issuer);
    }

    private static Instant days(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS);
    }

    private Path write(String name, String pem) throws Exception {
        return Files.writeString(dir.resolve(name), pem, StandardCharsets.US_ASCII);
    }
}
