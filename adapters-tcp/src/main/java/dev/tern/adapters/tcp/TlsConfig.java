package dev.tern.adapters.tcp;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a TLS listener. The server's key material is either a PEM certificate chain with
 * its PEM (PKCS#8) private key, or a PKCS#12 keystore. Client certificates are checked against
 * {@code clientCaBundle} and, when given, a certificate revocation list.
 *
 * <p>Only the JDK's TLS provider is used, so no native library is needed.
 *
 * @param certChain      PEM certificate chain, server certificate first; null with {@code pkcs12}
 * @param privateKey     PEM private key (unencrypted PKCS#8) of {@code certChain}; null with {@code pkcs12}
 * @param pkcs12         PKCS#12 keystore holding key and chain; null with PEM files
 * @param pkcs12Password password of {@code pkcs12}; empty for none
 * @param protocols      enabled protocol versions, e.g. {@code TLSv1.3}; empty means {@link #DEFAULT_PROTOCOLS}
 * @param ciphers        enabled cipher suites; empty means the provider's defaults
 * @param clientAuth     whether clients must, may or need not present a certificate
 * @param clientCaBundle PEM bundle of the CAs client certificates must chain to; required unless
 *                       {@code clientAuth} is {@link ClientAuth#NONE}
 * @param crl            PEM or DER certificate revocation list checked for client certificates, or null
 */
record TlsConfig(Path certChain, Path privateKey, Path pkcs12, char[] pkcs12Password,
        List<String> protocols, List<String> ciphers, ClientAuth clientAuth, Path clientCaBundle, Path crl) {

    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Whether the listener asks for a client certificate. */
    public enum ClientAuth {
        /** No client certificate is requested. */
        NONE,
        /** A certificate is requested; a client without one may still connect, one with a bad one may not. */
        OPTIONAL,
        /** A valid client certificate is required (mutual TLS). */
        REQUIRE
    }

    public TlsConfig {
        boolean pem = certChain != null || privateKey != null;
        if (pem == (pkcs12 != null)) {
            throw new IllegalArgumentException("give either a certificate chain and private key or a PKCS#12 file");
        }
        if (pem && (certChain == null || privateKey == null)) {
            throw new IllegalArgumentException("a certificate chain needs its private key and vice versa");
        }
        pkcs12Password = pkcs12Password == null ? new char[0] : pkcs12Password.clone();
        protocols = protocols == null || protocols.isEmpty() ? DEFAULT_PROTOCOLS : List.copyOf(protocols);
        ciphers = ciphers == null ? List.of() : List.copyOf(ciphers);
        Objects.requireNonNull(clientAuth, "clientAuth");
        if (clientAuth != ClientAuth.NONE && clientCaBundle == null) {
            throw new IllegalArgumentException("client authentication " + clientAuth + " needs a CA bundle");
        }
        if (crl != null && clientCaBundle == null) {
            throw new IllegalArgumentException("a CRL applies to client certificates and needs a CA bundle");
        }
    }

    /** A server-only TLS listener from PEM files, default protocols and ciphers. */
    public static TlsConfig pem(Path certChain, Path privateKey) {
        return new TlsConfig(certChain, privateKey, null, null, List.of(), List.of(), ClientAuth.NONE, null, null);
    }

    @Override
    public char[] pkcs12Password() {
        return pkcs12Password.clone();
    }

    @Override
    public String toString() {
        return "TlsConfig[certChain=" + certChain + ", pkcs12=" + pkcs12 + ", protocols=" + protocols
                + ", clientAuth=" + clientAuth + ", clientCaBundle=" + clientCaBundle + ", crl=" + crl + "]";
    }
}
