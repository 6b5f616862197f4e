package dev.tern.application.port.out;

import java.util.Arrays;

/**
 * What a client presented when it connected.
 *
 * @param username            from CONNECT, or null
 * @param password            from CONNECT, or null; never logged
 * @param certificateIdentity the common name of a verified TLS client certificate, or null
 * @param remoteAddress       for logs and per-address policies
 */
public record Credentials(String clientId, String username, byte[] password, String certificateIdentity,
        String remoteAddress) {

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && c.clientId.equals(clientId) && java.util.Objects.equals(c.username, username)
                && Arrays.equals(c.password, password) && java.util.Objects.equals(c.certificateIdentity, certificateIdentity)
                && java.util.Objects.equals(c.remoteAddress, remoteAddress);
    }

    @Override
    public int hashCode() {
        return clientId.hashCode();
    }

    @Override
    public String toString() {
        return "Credentials[clientId=" + clientId + ", username=" + username + ", password="
                + (password == null ? "none" : "***") + ", certificateIdentity=" + certificateIdentity + "]";
    }
}
