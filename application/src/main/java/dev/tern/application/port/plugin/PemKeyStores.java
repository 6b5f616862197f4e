package dev.tern.application.port.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * A server identity read from PEM files with the JDK alone, as a key store that listeners with TLS
 * hand to their {@code KeyManagerFactory}: the certificate chain (leaf first) and the leaf's
 * unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}).
 *
 * <p>Threading: stateless.
 */
public final class PemKeyStores {

    /** The alias of the one entry, and its (empty) password. */
    public static final String ALIAS = "tern";
    public static final char[] PASSWORD = new char[0];

    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    private PemKeyStores() {
    }

    /** @throws IOException naming the file that cannot be read or understood */
    public static KeyStore load(Path certFile, Path keyFile) throws IOException {
        Certificate[] chain = readCertificates(certFile);
        PrivateKey key = readKey(keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, PASSWORD, chain);
            return store;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot use " + keyFile + " with " + certFile + ": " + e.getMessage(), e);
        }
    }

    private static Certificate[] readCertificates(Path certFile) throws IOException {
        try (InputStream in = Files.newInputStream(certFile)) {
            Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .toArray(new Certificate[0]);
            if (chain.length == 0) {
                throw new IOException("No certificate in " + certFile);
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot read certificates from " + certFile + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey readKey(Path keyFile) throws IOException {
        String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        int begin = pem.indexOf(KEY_BEGIN);
        int end = pem.indexOf(KEY_END);
        if (begin < 0 || end < begin) {
            throw new IOException("No unencrypted PKCS#8 key (" + KEY_BEGIN + ") in " + keyFile
                    + "; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        String base64 = pem.substring(begin + KEY_BEGIN.length(), end).replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // Not this algorithm: PKCS#8 names it inside, the JDK only tells by trying.
            }
        }
        throw new IOException("Unsupported private key algorithm in " + keyFile
                + " (expected one of " + KEY_ALGORITHMS + ")");
    }
}
