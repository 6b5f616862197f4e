package dev.tern.application.protocol;

import dev.tern.application.protocol.packet.Auth;
import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Pingreq;
import dev.tern.application.protocol.packet.Pingresp;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Pubcomp;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.Pubrel;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.Suback;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.Unsuback;
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
        switch (packet) {
            case Publish publish -> onPublish(session, publish);
            case Puback puback -> deps.deliveryService().onPuback(session, puback.packetId());
            case Pubrec pubrec -> deps.deliveryService().onPubrec(session, pubrec.packetId());
            case Pubrel pubrel -> deps.publishHandler().onPubrel(session, pubrel);
            case Pubcomp pubcomp -> deps.deliveryService().onPubcomp(session, pubcomp.packetId());
            case Subscribe subscribe -> deps.subscribeService().subscribe(session, subscribe);
            case Unsubscribe unsubscribe -> deps.subscribeService().unsubscribe(session, unsubscribe);
            case Pingreq ping -> connection.send(Pingresp.INSTANCE);
            case Disconnect disconnect ->
                    connection.onDisconnect(disconnect.reasonCode() == ReasonCode.DISCONNECT_WITH_WILL);
            case Connect connect -> connection.closeForViolation("second CONNECT [MQTT-3.1.0-2]");
            case Auth auth -> connection.closeForViolation("AUTH without an authentication method");
            case Connack c -> connection.closeForViolation("client sent CONNACK");
            case Suback s -> connection.closeForViolation("client sent SUBACK");
            case Unsuback u -> connection.closeForViolation("client sent UNSUBACK");
            case Pingresp p -> connection.closeForViolation("client sent PINGRESP");
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
