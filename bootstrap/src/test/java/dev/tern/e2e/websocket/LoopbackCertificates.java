package dev.tern.e2e.websocket;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh test CA and a server certificate it issued for {@code localhost} and {@code 127.0.0.1},
 * written as PEM files: the CA for whoever must trust it, the chain and key for the broker's
 * {@code wss://} listener.
 *
 * @param caFile the CA certificate, PEM
 * @param certFile the server certificate chain, PEM
 * @param keyFile the server's private key, PEM
 */
public record LoopbackCertificates(Path caFile, Path certFile, Path keyFile) {

    public static LoopbackCertificates writeTo(Path dir) throws Exception {
        X509Bundle ca = new CertificateBuilder().subject("CN=Tern browser test CA").setIsCertificateAuthority(true)
                .ecp256().buildSelfSigned();
        X509Bundle server = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
                .addSanIpAddress("127.0.0.1").addExtendedKeyUsageServerAuth().ecp256().buildIssuedBy(ca);
        return new LoopbackCertificates(
                write(dir.resolve("ca.pem"), ca.getCertificatePEM()),
                write(dir.resolve("cert.pem"), server.getCertificatePathPEM()),
                write(dir.resolve("key.pem"), server.getPrivateKeyPEM()));
    }

    private static Path write(Path file, String pem) throws IOException {
        return Files.writeString(file, pem);
    }
}
