package dev.tern.application.port.in;

/**
 * The broker's connection limits as the transports meet them: the broker-wide maximum and the
 * maximum per source address span every listener, so one instance serves them all. Each listener
 * asks it once, when it is built, for its {@link ListenerGate}, with its own limits.
 *
 * <p>Threading: thread-safe; {@link #gate} is called on the thread that builds the listeners.
 */
public interface ConnectionAdmission {

    /** Admits every connection and counts nothing: for transports built without the broker's limits. */
    ConnectionAdmission UNLIMITED = (listenerName, limits) -> ListenerGate.UNLIMITED;

    /**
     * The gate of one listener instance.
     *
     * @param listenerName the configured instance name ({@code tcp}, {@code tls-partners}): the
     *     {@code listener} label of the connection limit meters, so never client input
     * @param limits that listener's own limits, from its settings
     */
    ListenerGate gate(String listenerName, ListenerLimits limits);
}
