package dev.tern.adapters.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Builds a server {@link SSLContext} from PEM files with the JDK alone.
 *
 * <p>Threading: stateless.
 */
final class PemSslContexts {

    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    private PemSslContexts() {
    }

    /** @throws IOException naming the file that cannot be read or understood */
    static SSLContext serverContext(PemTls tls) throws IOException {
        Certificate[] chain = readCertificates(tls);
        PrivateKey key = readKey(tls);
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("tern", key, password, chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot use " + tls.keyFile() + " with " + tls.certFile() + ": " + e.getMessage(), e);
        }
    }

    private static Certificate[] readCertificates(PemTls tls) throws IOException {
        try (InputStream in = Files.newInputStream(tls.certFile())) {
            Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .toArray(new Certificate[0]);
            if (chain.length == 0) {
                throw new IOException("No certificate in " + tls.certFile());
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot read certificates from " + tls.certFile() + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey readKey(PemTls tls) throws IOException {
        String pem = Files.readString(tls.keyFile(), StandardCharsets.US_ASCII);
        int begin = pem.indexOf(KEY_BEGIN);
        int end = pem.indexOf(KEY_END);
        if (begin < 0 || end < begin) {
            throw new IOException("No unencrypted PKCS#8 key (" + KEY_BEGIN + ") in " + tls.keyFile()
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
        throw new IOException("Unsupported private key algorithm in " + tls.keyFile()
                + " (expected one of " + KEY_ALGORITHMS + ")");
    }
}
