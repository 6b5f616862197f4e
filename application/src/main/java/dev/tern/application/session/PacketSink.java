package dev.tern.application.session;

import dev.tern.application.port.out.ClientIdentity;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.ProtocolVersion;

/**
 * The outbound side of the connection a session is attached to, as delivery needs it.
 *
 * <p>Threading: called only on the connection's executor, which owns the session while attached.
 */
public interface PacketSink {

    ProtocolVersion version();

    /** Encodes and queues a packet; the flush follows at the end of the current batch of work. */
    void send(MqttPacket packet);

    /** Whether the transport can take more bytes now; when false, deliveries wait in the queue. */
    boolean isWritable();

    /**
     * Ends the connection for an error found after the fact, such as a failed store write of a
     * message the client is waiting to have acknowledged. MQTT 5 clients get DISCONNECT with the
     * reason code first.
     */
    void abort(int reasonCode, String reason);

    /** Who the client is, for authorization. */
    ClientIdentity identity();

    /** The largest packet the client accepts (MQTT 5 Maximum Packet Size; the protocol limit otherwise). */
    int maximumPacketSize();
}
