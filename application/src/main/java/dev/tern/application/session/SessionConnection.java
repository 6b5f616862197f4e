package dev.tern.application.session;

/**
 * A connection as the connect flow sees it: the packet sink plus the two events of its life that
 * the session decides.
 *
 * <p>Threading: both callbacks run on the connection's own executor.
 */
public interface SessionConnection extends PacketSink {

    /** The session is attached to this connection: send CONNACK and resume the session. */
    void attached(ClientSession session, boolean sessionPresent);

    /** Another connection took the session over: close without touching the session [MQTT-3.1.4-2]. */
    void takenOver();
}
