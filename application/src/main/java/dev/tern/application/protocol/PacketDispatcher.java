package dev.tern.application.protocol;

import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Pingresp;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Pubcomp;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.Pubrel;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.Unsubscribe;
import dev.tern.application.session.ClientSession;
import dev.tern.domain.message.ApplicationMessage;

/**
 * Hands each packet of a connected client to its flow. Packets a client must never send close
 * the connection as a protocol error.
 *
 * <p>Threading: runs inside tasks of the session's executor, which is the connection's thread.
 */
final class PacketDispatcher {

    private final ProtocolConnection connection;
    private final ConnectionDependencies deps;

    PacketDispatcher(ProtocolConnection connection, ConnectionDependencies deps) {
        this.connection = connection;
        this.deps = deps;
    }

    void dispatch(ClientSession session, MqttPacket packet) {
        switch (packet.type()) {
            case PUBLISH -> onPublish(session, (Publish) packet);
            case PUBACK -> deps.deliveryService().onPuback(session, ((Puback) packet).packetId());
            case PUBREC -> deps.deliveryService().onPubrec(session, ((Pubrec) packet).packetId());
            case PUBREL -> deps.publishHandler().onPubrel(session, (Pubrel) packet);
            case PUBCOMP -> deps.deliveryService().onPubcomp(session, ((Pubcomp) packet).packetId());
            case SUBSCRIBE -> deps.subscribeService().subscribe(session, (Subscribe) packet);
            case UNSUBSCRIBE -> deps.subscribeService().unsubscribe(session, (Unsubscribe) packet);
            case PINGREQ -> connection.send(Pingresp.INSTANCE);
            case DISCONNECT -> connection.onDisconnect(
                    ((Disconnect) packet).reasonCode() == ReasonCode.DISCONNECT_WITH_WILL);
            case CONNECT -> connection.closeForViolation("second CONNECT [MQTT-3.1.0-2]");
            case AUTH -> connection.closeForViolation("AUTH without an authentication method");
            case CONNACK, SUBACK, UNSUBACK, PINGRESP ->
                    connection.closeForViolation("a client must not send " + packet.type());
        }
    }

    private void onPublish(ClientSession session, Publish publish) {
        ApplicationMessage message = deps.publishHandler().toMessage(session, publish);
        if (message == null) {
            connection.closeForError(ReasonCode.TOPIC_NAME_INVALID, "invalid topic name in PUBLISH");
            return;
        }
        deps.publishHandler().onPublish(session, publish, message);
    }
}
