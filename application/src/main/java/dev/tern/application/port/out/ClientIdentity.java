package dev.tern.application.port.out;

/**
 * Who a connected client is, as authentication established it.
 *
 * @param clientId  the MQTT client identifier
 * @param username  the authenticated user name, or null for an anonymous client
 */
public record ClientIdentity(String clientId, String username) {
    public ClientIdentity {
        if (clientId == null) {
            throw new IllegalArgumentException("client id must not be null");
        }
    }
}
