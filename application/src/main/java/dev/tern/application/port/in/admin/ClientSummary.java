package dev.tern.application.port.in.admin;

import java.time.Instant;

/**
 * A session as listed. The connection fields describe the last connection: null for a session
 * restored from storage that no client has attached since.
 *
 * @param protocolLevel 3, 4 or 5; 0 when unknown
 */
public record ClientSummary(String clientId, boolean connected, String username, String address,
        int protocolLevel, Instant connectedAt) {

    public ClientSummary {
        if (clientId == null) {
            throw new IllegalArgumentException("client id must not be null");
        }
    }
}
