package dev.tern.adapters.tcp;

import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The common name of the certificate a TLS client presented, once the handshake has verified it.
 *
 * <p>Threading: stateless; call on the channel's event loop.
 */
final class PeerCertificateIdentity {

    private PeerCertificateIdentity() {
    }

    /** The CN of the peer's certificate, or null without TLS, without a client certificate or without a CN. */
    static String of(SslHandler ssl) {
        if (ssl == null || !ssl.handshakeFuture().isSuccess()) {
            return null;
        }
        Certificate[] chain;
        try {
            chain = ssl.engine().getSession().getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
            return null;
        }
        return commonName(certificate.getSubjectX500Principal().getName());
    }

    /** The most specific CN of a distinguished name (the leftmost in RFC 2253 form), or null. */
    static String commonName(String distinguishedName) {
        try {
            var rdns = new LdapName(distinguishedName).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                Rdn rdn = rdns.get(i);
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
