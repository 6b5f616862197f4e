package dev.tern.adapters.tcp;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * A client key manager that presents its one certificate whatever CAs the server names. The JDK's
 * own would stay silent when its issuer is not among them, so an untrusted certificate would
 * never reach the server's trust check that the test wants to exercise.
 */
final class InsistentKeyManager extends X509ExtendedKeyManager {

    private final X509KeyManager delegate;
    private final String alias;

    InsistentKeyManager(KeyManagerFactory factory) {
        this.delegate = (X509KeyManager) factory.getKeyManagers()[0];
        String[] aliases = delegate.getClientAliases("EC", null);
        this.alias = aliases[0];
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return alias;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return alias;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {alias};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return delegate.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return delegate.getPrivateKey(alias);
    }
}
