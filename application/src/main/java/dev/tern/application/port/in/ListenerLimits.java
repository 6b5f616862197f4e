package dev.tern.application.port.in;

/**
 * The connection limits of one listener instance, from its settings.
 *
 * @param maxConnections connections the listener holds at once, beyond which new ones are closed
 *     at accept; 0 = no limit of its own (the broker-wide one still applies)
 * @param maxConnectionsPerSecond new connections the listener accepts per second, beyond which it
 *     stops accepting for a while (clients wait in the kernel's backlog, none is refused); 0 = no limit
 */
public record ListenerLimits(int maxConnections, int maxConnectionsPerSecond) {

    /** Neither limit. */
    public static final ListenerLimits NONE = new ListenerLimits(0, 0);

    public ListenerLimits {
        if (maxConnections < 0) {
            throw new IllegalArgumentException("max-connections must be 0 (no limit) or positive: " + maxConnections);
        }
        if (maxConnectionsPerSecond < 0) {
            throw new IllegalArgumentException(
                    "max-connections-per-second must be 0 (no limit) or positive: " + maxConnectionsPerSecond);
        }
    }
}
