package dev.tern.application.protocol.handler;

import dev.tern.application.config.Mqtt5Settings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.limits.ResourceLimits;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.PublishPropertiesMapper;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.service.SessionAttachService.AttachRequest;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.MessageProperties;
import dev.tern.domain.session.SessionExpiry;
import dev.tern.domain.topic.TopicName;
import dev.tern.domain.will.Will;
import java.util.UUID;

/**
 * Checks a CONNECT (3.1) and negotiates what the broker grants, before authentication and before
 * any session is touched: client id rules, keep alive, session expiry, redirection and the will.
 * An accepted CONNECT becomes the {@link dev.tern.application.service.SessionAttachService.AttachRequest}
 * that {@code SessionAttachService} carries out, and the CONNACK properties.
 *
 * <p>Threading: stateless and thread-safe.
 */
public final class ConnectNegotiator {

    private final MqttSettings settings;
    private final Mqtt5Settings v5;
    private final ResourceLimits limits;

    public ConnectNegotiator(MqttSettings settings, Mqtt5Settings v5, ResourceLimits limits) {
        this.settings = settings;
        this.v5 = v5;
        this.limits = limits;
    }

    public ConnectDecision decide(Connect connect) {
        boolean isV5 = connect.version().isV5();
        if (v5.serverReference() != null) {
            return redirect(isV5);
        }
        String clientId = connect.clientId();
        String assigned = null;
        if (clientId.isEmpty()) {
            if (!connect.cleanStart() && !isV5) {
                // [MQTT-3.1.3-8]: a zero-length id needs Clean Session 1 in 3.1.1.
                return new ConnectDecision.Reject(ReasonCode.V3_IDENTIFIER_REJECTED,
                        "zero-length client id with clean session 0");
            }
            // [MQTT-3.1.3-6]: the broker assigns a unique id ([MQTT-3.2.2-16] announces it in MQTT 5).
            clientId = "tern-" + UUID.randomUUID();
            assigned = clientId;
        } else if (limits.clientIdTooLong(clientId)) {
            // Beyond the 23 bytes every server must accept [MQTT-3.1.3-5] an id may be refused: CONNACK 0x85
            // in MQTT 5 [MQTT-3.1.3-8], 0x02 in 3.1.1 [MQTT-3.1.3-9], then the connection closes.
            return new ConnectDecision.Reject(isV5 ? ReasonCode.CLIENT_IDENTIFIER_NOT_VALID
                    : ReasonCode.V3_IDENTIFIER_REJECTED, "client id longer than limits.client-id.max-length");
        }
        Will will = null;
        if (connect.will() != null) {
            TopicName topic = TopicName.parseOrNull(connect.will().topic());
            if (topic == null || !limits.topicAllowed(connect.will().topic())) {
                return new ConnectDecision.Reject(isV5 ? ReasonCode.TOPIC_NAME_INVALID : ReasonCode.V3_SERVER_UNAVAILABLE,
                        "invalid will topic");
            }
            will = toWill(clientId, topic, connect);
        }
        if (!isV5) {
            SessionExpiry expiry = connect.cleanStart() ? SessionExpiry.AT_DISCONNECT : SessionExpiry.NEVER;
            return new ConnectDecision.Accept(new AttachRequest(clientId, connect.cleanStart(), expiry, will),
                    connect.keepAliveSeconds(), ClientLimits.V3, Properties.EMPTY);
        }
        ClientLimits limits = ClientLimits.of(connect);
        Properties.Builder connack = Properties.builder();
        long requestedExpiry = connect.properties().integer(PropertyId.SESSION_EXPIRY_INTERVAL, 0);
        long grantedExpiry = Math.min(requestedExpiry, v5.maxSessionExpirySeconds());
        if (grantedExpiry != requestedExpiry) {
            // 3.2.2.3.2: the broker tells the client the interval it uses instead.
            connack.integer(PropertyId.SESSION_EXPIRY_INTERVAL, grantedExpiry);
        }
        int keepAlive = connect.keepAliveSeconds();
        if (v5.maxKeepAliveSeconds() > 0 && (keepAlive == 0 || keepAlive > v5.maxKeepAliveSeconds())) {
            keepAlive = v5.maxKeepAliveSeconds();
            connack.integer(PropertyId.SERVER_KEEP_ALIVE, keepAlive);
        }
        connack.string(PropertyId.ASSIGNED_CLIENT_IDENTIFIER, assigned);
        connack.integer(PropertyId.RECEIVE_MAXIMUM, v5.receiveMaximum());
        connack.integer(PropertyId.MAXIMUM_PACKET_SIZE, settings.maxPacketSize());
        connack.integer(PropertyId.TOPIC_ALIAS_MAXIMUM, v5.topicAliasMaximum());
        if (limits.responseInformationWanted() && v5.responseInformation() != null) {
            connack.string(PropertyId.RESPONSE_INFORMATION, v5.responseInformation());
        }
        AttachRequest request = new AttachRequest(clientId, connect.cleanStart(), new SessionExpiry(grantedExpiry), will);
        return new ConnectDecision.Accept(request, keepAlive, limits, connack.build());
    }

    /** 4.11: every client is sent elsewhere; MQTT 3.1.1 has no redirection, only "unavailable". */
    private ConnectDecision redirect(boolean isV5) {
        if (!isV5) {
            return new ConnectDecision.Reject(ReasonCode.V3_SERVER_UNAVAILABLE, "redirected to " + v5.serverReference());
        }
        int code = v5.serverMoved() ? ReasonCode.SERVER_MOVED : ReasonCode.USE_ANOTHER_SERVER;
        return new ConnectDecision.Reject(code, "redirected to " + v5.serverReference(),
                Properties.builder().string(PropertyId.SERVER_REFERENCE, v5.serverReference()).build());
    }

    private static Will toWill(String clientId, TopicName topic, Connect connect) {
        var w = connect.will();
        var props = w.properties();
        MessageProperties messageProperties = PublishPropertiesMapper.toMessageProperties(props);
        // The will's Message Expiry Interval counts from when the will is published, not from
        // CONNECT, so it is kept apart and applied by WillService then.
        ApplicationMessage message = new ApplicationMessage(topic, w.payload(), w.qos(), w.retain(),
                messageProperties, clientId, ApplicationMessage.NEVER);
        return new Will(message, props.integer(PropertyId.WILL_DELAY_INTERVAL, 0),
                props.integer(PropertyId.MESSAGE_EXPIRY_INTERVAL, Will.NO_EXPIRY));
    }
}
