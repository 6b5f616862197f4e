package dev.tern.adapters.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CertSelector;
import java.util.Collection;
import java.util.EnumSet;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a client certificate must chain to, and the revocation list it is checked against.
 *
 * <p>With a CRL, only the client's own certificate is checked for revocation ({@code
 * ONLY_END_ENTITY}), against that list alone: no OCSP, no download from a distribution point
 * ({@code PREFER_CRLS}, {@code NO_FALLBACK}), so the broker never makes a network call during a
 * handshake. A CRL whose next update has passed makes every client certificate fail, as PKIX
 * requires; the operator renews it.
 *
 * <p>Threading: stateless.
 */
final class ClientCertificateTrust {

    private ClientCertificateTrust() {
    }

    static TrustManagerFactory create(Path caBundle, Path crl) throws IOException, GeneralSecurityException {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        Collection<? extends Certificate> cas;
        try (InputStream in = Files.newInputStream(caBundle)) {
            cas = x509.generateCertificates(in);
        }
        if (cas.isEmpty()) {
            throw new IOException("No certificate in CA bundle " + caBundle);
        }
        int i = 0;
        for (Certificate ca : cas) {
            anchors.setCertificateEntry("ca-" + i++, ca);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        if (crl == null) {
            factory.init(anchors);
            return factory;
        }
        Collection<? extends java.security.cert.CRL> crls;
        try (InputStream in = Files.newInputStream(crl)) {
            crls = x509.generateCRLs(in);
        }
        if (crls.isEmpty()) {
            throw new IOException("No revocation list in " + crl);
        }
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, new X509CertSelector());
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        PKIXRevocationChecker revocation = (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX")
                .getRevocationChecker();
        revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                PKIXRevocationChecker.Option.NO_FALLBACK, PKIXRevocationChecker.Option.ONLY_END_ENTITY));
        parameters.addCertPathChecker(revocation);
        parameters.setRevocationEnabled(true);
        factory.init(new CertPathTrustManagerParameters(parameters));
        return factory;
    }
}
