package dev.tern.application.protocol.handler;

import dev.tern.application.protocol.packet.PublishPropertiesMapper;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.service.ConnectService.ConnectRequest;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.MessageProperties;
import dev.tern.domain.session.SessionExpiry;
import dev.tern.domain.topic.TopicName;
import dev.tern.domain.will.Will;
import java.util.UUID;

/**
 * Checks a CONNECT (3.1) and turns it into a connect request: client id rules, session expiry
 * and the will.
 *
 * <p>Threading: stateless and thread-safe.
 */
public final class ConnectHandler {

    public ConnectDecision decide(Connect connect) {
        boolean v5 = connect.version().isV5();
        String clientId = connect.clientId();
        String assigned = null;
        if (clientId.isEmpty()) {
            if (!connect.cleanStart() && !v5) {
                // [MQTT-3.1.3-8]: a zero-length id needs Clean Session 1 in 3.1.1.
                return new ConnectDecision.Reject(ReasonCode.V3_IDENTIFIER_REJECTED,
                        "zero-length client id with clean session 0");
            }
            // [MQTT-3.1.3-6]: the broker assigns a unique id.
            clientId = "tern-" + UUID.randomUUID();
            assigned = clientId;
        }
        Will will = null;
        if (connect.will() != null) {
            TopicName topic = TopicName.parseOrNull(connect.will().topic());
            if (topic == null) {
                return new ConnectDecision.Reject(v5 ? ReasonCode.TOPIC_NAME_INVALID : ReasonCode.V3_SERVER_UNAVAILABLE,
                        "invalid will topic");
            }
            will = toWill(clientId, topic, connect);
        }
        ConnectRequest request = new ConnectRequest(clientId, connect.cleanStart(), expiryOf(connect), will);
        return new ConnectDecision.Accept(request, connect.keepAliveSeconds(), assigned);
    }

    /** 3.1.1: Clean Session 1 ends the session at disconnect, 0 keeps it; MQTT 5 says so itself. */
    private static SessionExpiry expiryOf(Connect connect) {
        if (!connect.version().isV5()) {
            return connect.cleanStart() ? SessionExpiry.AT_DISCONNECT : SessionExpiry.NEVER;
        }
        return new SessionExpiry(connect.properties().integer(PropertyId.SESSION_EXPIRY_INTERVAL, 0));
    }

    private Will toWill(String clientId, TopicName topic, Connect connect) {
        var w = connect.will();
        var props = w.properties();
        MessageProperties messageProperties = PublishPropertiesMapper.toMessageProperties(props);
        // The will's Message Expiry Interval counts from when the will is published, not from
        // CONNECT, so the message is kept here without a deadline.
        ApplicationMessage message = new ApplicationMessage(topic, w.payload(), w.qos(), w.retain(),
                messageProperties, clientId, ApplicationMessage.NEVER);
        return new Will(message, props.integer(PropertyId.WILL_DELAY_INTERVAL, 0));
    }
}
