package dev.tern.adapters.tcp;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;

/**
 * Builds the server {@link SslContext} of a {@link TlsConfig}, reading its files once, when the
 * listener starts.
 *
 * <p>Threading: stateless.
 */
final class TlsContextFactory {

    private TlsContextFactory() {
    }

    /** @throws IOException naming the file that cannot be read or used */
    static SslContext create(TlsConfig config) throws IOException {
        try {
            SslContextBuilder builder = keyMaterial(config)
                    .sslProvider(SslProvider.JDK)
                    .protocols(config.protocols())
                    .clientAuth(clientAuth(config.clientAuth()));
            if (!config.ciphers().isEmpty()) {
                builder.ciphers(config.ciphers());
            }
            if (config.clientCaBundle() != null) {
                builder.trustManager(ClientCertificateTrust.create(config.clientCaBundle(), config.crl()));
            }
            return builder.build();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("Cannot set up TLS from " + config + ": " + e.getMessage(), e);
        }
    }

    private static SslContextBuilder keyMaterial(TlsConfig config) throws IOException, GeneralSecurityException {
        if (config.pkcs12() == null) {
            return SslContextBuilder.forServer(config.certChain().toFile(), config.privateKey().toFile());
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        char[] password = config.pkcs12Password();
        try (InputStream in = Files.newInputStream(config.pkcs12())) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        return SslContextBuilder.forServer(keys);
    }

    private static ClientAuth clientAuth(TlsConfig.ClientAuth clientAuth) {
        return switch (clientAuth) {
            case NONE -> ClientAuth.NONE;
            case OPTIONAL -> ClientAuth.OPTIONAL;
            case REQUIRE -> ClientAuth.REQUIRE;
        };
    }
}
