package dev.tern.application.protocol.handler;

import dev.tern.application.protocol.packet.PublishPropertiesMapper;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Pubcomp;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.Pubrel;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.service.PublishService;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.PacketSink;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.topic.TopicName;
import java.time.Clock;

/**
 * The receiving side of a client's PUBLISH at each QoS (4.3): QoS 0 is routed, QoS 1 routed then
 * PUBACKed, QoS 2 routed once and PUBRECed, even when a duplicate arrives before PUBREL.
 *
 * <p>Threading: runs inside tasks of the publishing session's executor.
 */
public final class InboundPublishHandler {

    private final PublishService publisher;
    private final Clock clock;

    public InboundPublishHandler(PublishService publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Null when the topic is not a valid topic name (the caller then closes the connection). */
    public ApplicationMessage toMessage(ClientSession session, Publish publish) {
        TopicName topic = TopicName.parseOrNull(publish.topic());
        if (topic == null) {
            return null;
        }
        Properties props = publish.properties();
        long expiresAt = ApplicationMessage.NEVER;
        if (!props.isEmpty()) {
            long expirySeconds = props.integer(PropertyId.MESSAGE_EXPIRY_INTERVAL, -1);
            if (expirySeconds >= 0) {
                expiresAt = clock.millis() + expirySeconds * 1000;
            }
        }
        return new ApplicationMessage(topic, publish.payload(), publish.qos(), publish.retain(),
                PublishPropertiesMapper.toMessageProperties(props), session.clientId(), expiresAt);
    }

    public void onPublish(ClientSession session, Publish publish, ApplicationMessage message) {
        PacketSink out = session.connection();
        switch (publish.qos()) {
            case AT_MOST_ONCE -> publisher.publish(message);
            case AT_LEAST_ONCE -> {
                publisher.publish(message);
                out.send(Puback.of(publish.packetId()));
            }
            case EXACTLY_ONCE -> {
                // [MQTT-4.3.3-2] method B: route on first receipt, never again until PUBREL.
                if (session.state().inboundQos2().receive(publish.packetId())) {
                    publisher.publish(message);
                }
                out.send(Pubrec.of(publish.packetId()));
            }
        }
    }

    /** PUBREL: forget the receipt and complete with PUBCOMP, also for an unknown id (3.6.4). */
    public void onPubrel(ClientSession session, Pubrel pubrel) {
        boolean known = session.state().inboundQos2().release(pubrel.packetId());
        PacketSink out = session.connection();
        if (known || !out.version().isV5()) {
            out.send(Pubcomp.of(pubrel.packetId()));
        } else {
            out.send(new Pubcomp(pubrel.packetId(), ReasonCode.PACKET_IDENTIFIER_NOT_FOUND, Properties.EMPTY));
        }
    }
}
