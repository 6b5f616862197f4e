package dev.tern.adapters.websocket;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The server identity of a {@code wss://} listener, as PEM files.
 *
 * @param certFile the certificate chain, leaf first ({@code BEGIN CERTIFICATE} blocks)
 * @param keyFile the leaf's private key, unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}); convert a
 *     PKCS#1 key with {@code openssl pkcs8 -topk8 -nocrypt}
 */
record PemTls(Path certFile, Path keyFile) {

    public PemTls {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
    }
}
