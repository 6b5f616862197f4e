package dev.tern.adapters.websocket;

import dev.tern.application.port.plugin.PemKeyStores;
import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Builds a server {@link SSLContext} from PEM files with the JDK alone (read by {@link PemKeyStores}).
 *
 * <p>Threading: stateless.
 */
final class PemSslContexts {

    private PemSslContexts() {
    }

    /** @throws IOException naming the file that cannot be read or understood */
    static SSLContext serverContext(PemTls tls) throws IOException {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(PemKeyStores.load(tls.certFile(), tls.keyFile()), PemKeyStores.PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot use " + tls.keyFile() + " with " + tls.certFile() + ": " + e.getMessage(), e);
        }
    }
}
