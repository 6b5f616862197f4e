package dev.tern.application.port.in;

import java.net.SocketAddress;

/**
 * One listener's door: asked for every connection the listener has just accepted, before any
 * work is done on it (no TLS handshake, no HTTP, no MQTT), so that a refused connection costs an
 * accept and a close. Refusals are counted and logged by the broker; the transport only closes.
 *
 * <p>Threading: thread-safe and non-blocking; called on the transport's accepting or I/O threads.
 */
public interface ListenerGate {

    /** Admits everything, never pauses. */
    ListenerGate UNLIMITED = new ListenerGate() {
        @Override
        public Admission admit(SocketAddress remote) {
            return Admission.Admitted.UNCOUNTED;
        }

        @Override
        public long acceptPauseNanos() {
            return 0;
        }
    };

    /**
     * Whether a connection just accepted from {@code remote} may stay. An {@link Admission.Admitted}
     * holds a slot that the transport releases when the connection closes; an
     * {@link Admission.Refused} connection is to be closed at once.
     *
     * @param remote the peer; the per-address limit applies only to an {@link java.net.InetSocketAddress}
     */
    Admission admit(SocketAddress remote);

    /**
     * Counts one accepted connection against the listener's connections per second, and says how
     * long the listener should stop accepting before the next: 0 to go on at once. Called for
     * every accepted connection, admitted or not, since each accept costs the same.
     */
    long acceptPauseNanos();
}
