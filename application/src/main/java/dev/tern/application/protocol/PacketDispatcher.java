package dev.tern.application.protocol;

import dev.tern.application.event.EventReasons;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.application.protocol.handler.InboundPublishHandler;
import dev.tern.application.protocol.limit.InboundRateLimiter;
import dev.tern.application.protocol.packet.Auth;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Pingresp;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Pubcomp;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.Pubrel;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.Unsubscribe;
import dev.tern.application.session.ClientSession;

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
            case SUBSCRIBE -> {
                if (!deps.subscribeService().subscribe(session, (Subscribe) packet)) {
                    connection.closeForViolation("No Local on a shared subscription [MQTT-3.8.3-4]");
                }
            }
            case UNSUBSCRIBE -> deps.subscribeService().unsubscribe(session, (Unsubscribe) packet);
            case PINGREQ -> connection.send(Pingresp.INSTANCE);
            case DISCONNECT -> connection.onDisconnect(session, (Disconnect) packet);
            case CONNECT -> connection.closeForViolation("second CONNECT [MQTT-3.1.0-2]");
            case AUTH -> connection.onAuth((Auth) packet);
            case CONNACK, SUBACK, UNSUBACK, PINGRESP ->
                    connection.closeForViolation("a client must not send " + packet.type());
        }
    }

    private void onPublish(ClientSession session, Publish publish) {
        Publish resolved = connection.resolveTopic(publish);
        if (resolved == null) {
            return;
        }
        InboundRateLimiter limiter = connection.rateLimiter();
        // Over the Receive Maximum is 0x93 whatever the rate: the handler disconnects for it.
        if (limiter != null && !deps.publishHandler().isRetransmission(session, resolved)
                && !deps.publishHandler().exceedsReceiveMaximum(session, resolved)
                && !limiter.admit(resolved.payload().size())) {
            overRateLimit(session, resolved);
            return;
        }
        int disconnectWith = deps.publishHandler().onPublish(session, resolved);
        if (disconnectWith != InboundPublishHandler.OK) {
            connection.closeForError(disconnectWith, "refused PUBLISH on '" + resolved.topic() + "'");
        }
    }

    /** A PUBLISH over the client's rate limit, in refuse mode: counted, reported, refused. */
    private void overRateLimit(ClientSession session, Publish publish) {
        deps.rateLimiting().meters().refused(publish.qos().value());
        if (deps.events().enabled()) {
            deps.events().emit(new BrokerEvent.MessageDropped(deps.clock().instant(), session.clientId(),
                    publish.topic(), EventReasons.RATE_LIMITED));
        }
        int disconnectWith = deps.publishHandler().refuseOverQuota(session, publish);
        if (disconnectWith != InboundPublishHandler.OK) {
            connection.closeForError(disconnectWith, "PUBLISH over the client's rate limit", EventReasons.RATE_LIMITED);
        }
    }
}
