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

    /** The help line of a listener's {@code max-connections} setting, for its {@code @Setting}. */
    public static final String MAX_CONNECTIONS_HELP =
            "connections this listener holds at once; more are closed at accept, before TLS; 0 = no limit";
    /** The help line of a listener's {@code max-connections-per-second} setting. */
    public static final String MAX_CONNECTIONS_PER_SECOND_HELP =
            "new connections accepted per second; beyond it accepting pauses (clients wait); 0 = no limit";

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
