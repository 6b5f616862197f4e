package dev.tern.application.embedded;

/**
 * How an in-process client connects.
 *
 * @param clientId       the MQTT client identifier; a second client with the same one takes over
 * @param username       shown to the authenticator and authorizer; null for none
 * @param password       shown to the authenticator; null for none (not copied)
 * @param receiveMaximum QoS 1/2 messages the broker may have unacknowledged at this client: the
 *                       callback's back-pressure, 1..65535
 * @param backlogBytes   received messages (payload and topic bytes) waiting for the callback
 *                       thread above which the connection reports itself unwritable, so that the
 *                       broker queues, by its own limits, instead of this client
 */
public record InProcessClientOptions(String clientId, String username, byte[] password, int receiveMaximum,
        long backlogBytes) {

    public static final int DEFAULT_RECEIVE_MAXIMUM = 64;
    public static final long DEFAULT_BACKLOG_BYTES = 1024 * 1024;

    public InProcessClientOptions {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("client id must not be blank");
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("a password needs a user name");
        }
        if (receiveMaximum < 1 || receiveMaximum > 0xFFFF) {
            throw new IllegalArgumentException("receive maximum must be 1..65535: " + receiveMaximum);
        }
        if (backlogBytes < 1) {
            throw new IllegalArgumentException("backlog bytes must be positive: " + backlogBytes);
        }
    }

    /** Anonymous, with the default Receive Maximum and backlog. */
    public static InProcessClientOptions of(String clientId) {
        return new InProcessClientOptions(clientId, null, null, DEFAULT_RECEIVE_MAXIMUM, DEFAULT_BACKLOG_BYTES);
    }

    public InProcessClientOptions withCredentials(String newUsername, byte[] newPassword) {
        return new InProcessClientOptions(clientId, newUsername, newPassword, receiveMaximum, backlogBytes);
    }

    public InProcessClientOptions withReceiveMaximum(int newReceiveMaximum) {
        return new InProcessClientOptions(clientId, username, password, newReceiveMaximum, backlogBytes);
    }

    public InProcessClientOptions withBacklogBytes(long newBacklogBytes) {
        return new InProcessClientOptions(clientId, username, password, receiveMaximum, newBacklogBytes);
    }
}
