package dev.tern.application.protocol.handler;

import dev.tern.application.limits.ResourceLimits;
import dev.tern.application.port.out.Authorizer;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Pubcomp;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.PublishPropertiesMapper;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.Pubrel;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.service.PublishService;
import dev.tern.application.service.TrafficMeters;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.PacketSink;
import dev.tern.application.storage.PendingAck;
import dev.tern.application.storage.StateRecorder;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.topic.TopicName;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The receiving side of a client's PUBLISH at each QoS (4.3): QoS 0 is routed, QoS 1 routed then
 * PUBACKed, QoS 2 routed once and PUBRECed, even when a duplicate arrives before PUBREL. MQTT 5
 * adds the Receive Maximum and, when configured, the payload format check.
 *
 * <p>Threading: runs inside tasks of the publishing session's executor.
 */
public final class InboundPublishHandler {

    /** No reason to disconnect. */
    public static final int OK = 0;

    private final PublishService publisher;
    private final StateRecorder recorder;
    private final Authorizer authorizer;
    private final Clock clock;
    private final int receiveMaximum;
    private final boolean validatePayloadFormat;

    private final TrafficMeters traffic;
    private final ResourceLimits limits;

    public InboundPublishHandler(PublishService publisher, StateRecorder recorder, Authorizer authorizer, Clock clock,
            int receiveMaximum, boolean validatePayloadFormat, TrafficMeters traffic, ResourceLimits limits) {
        this.traffic = traffic;
        this.limits = limits;
        this.publisher = publisher;
        this.recorder = recorder;
        this.authorizer = authorizer;
        this.clock = clock;
        this.receiveMaximum = receiveMaximum;
        this.validatePayloadFormat = validatePayloadFormat;
    }

    /**
     * Handles a PUBLISH whose topic the connection has resolved; returns {@link #OK}, or the reason
     * code the connection must disconnect with.
     */
    public int onPublish(ClientSession session, Publish publish) {
        traffic.received(publish.qos().value(), publish.payload().size());
        TopicName topic = TopicName.parseOrNull(publish.topic());
        if (topic == null) {
            return ReasonCode.TOPIC_NAME_INVALID;
        }
        PacketSink out = session.connection();
        boolean v5 = out.version().isV5();
        if (v5 && publish.properties().has(PropertyId.SUBSCRIPTION_IDENTIFIER)) {
            return ReasonCode.PROTOCOL_ERROR; // [MQTT-3.3.4-6]: only the server sends it
        }
        if (exceedsReceiveMaximum(session, publish)) {
            return ReasonCode.RECEIVE_MAXIMUM_EXCEEDED;
        }
        if (!authorizer.canPublish(out.identity(), topic)) {
            refuseUnauthorized(session, out, publish, v5);
            return OK;
        }
        if (!limits.topicAllowed(topic.value())) {
            return refuse(out, publish, v5, ReasonCode.TOPIC_NAME_INVALID);
        }
        if (validatePayloadFormat && !payloadMatchesFormat(publish)) {
            return refuse(out, publish, v5, ReasonCode.PAYLOAD_FORMAT_INVALID);
        }
        ApplicationMessage message = toMessage(session, publish, topic);
        if (publish.qos() == Qos.AT_MOST_ONCE) {
            return publisher.publish(message) == PublishService.REFUSED ? ReasonCode.QUOTA_EXCEEDED : OK;
        }
        // [MQTT-4.3.3-2] method B: a QoS 2 message is routed on first receipt, never again until PUBREL.
        boolean route = publish.qos() == Qos.AT_LEAST_ONCE || session.state().inboundQos2().receive(publish.packetId());
        if (!recorder.acknowledgesAfterCommit()) {
            int receivers = route ? publisher.publish(message) : 1;
            if (receivers == PublishService.REFUSED) {
                forgetReceipt(session, publish);
                return refuse(out, publish, v5, ReasonCode.QUOTA_EXCEEDED);
            }
            acknowledge(out, publish, routed(v5, receivers));
            return OK;
        }
        acknowledgeWhenStored(session, out, publish, message, route);
        return OK;
    }

    /**
     * Durable backends: PUBACK or PUBREC leaves only once every copy that must survive a crash is
     * committed; if a write fails the client is not told its message is safe (0x80 in MQTT 5; the
     * connection closes in 3.1.1, which has no way to say it).
     */
    private void acknowledgeWhenStored(ClientSession session, PacketSink out, Publish publish,
            ApplicationMessage message, boolean route) {
        int[] receivers = new int[1];
        PendingAck ack = new PendingAck(session.executor(), stored -> {
            if (session.connection() != out) {
                return; // the client reconnected meanwhile and will send it again
            }
            if (receivers[0] == PublishService.REFUSED) {
                forgetReceipt(session, publish);
                if (refuse(out, publish, out.version().isV5(), ReasonCode.QUOTA_EXCEEDED) != OK) {
                    out.abort(ReasonCode.QUOTA_EXCEEDED, "retained store full");
                }
            } else if (stored) {
                acknowledge(out, publish, routed(out.version().isV5(), receivers[0]));
            } else if (out.version().isV5()) {
                acknowledge(out, publish, ReasonCode.UNSPECIFIED_ERROR);
            } else {
                out.abort(ReasonCode.SERVER_UNAVAILABLE, "message could not be stored");
            }
        });
        if (publish.qos() == Qos.EXACTLY_ONCE && route) {
            recorder.receiptSaved(session, publish.packetId(), ack);
        }
        receivers[0] = route ? publisher.publish(message, ack) : 1;
        ack.release();
    }

    /** 3.3.4: an MQTT 5 client sending more unacknowledged QoS 2 PUBLISHes than the broker announced. */
    public boolean exceedsReceiveMaximum(ClientSession session, Publish publish) {
        return session.connection().version().isV5() && publish.qos() == Qos.EXACTLY_ONCE
                && !session.state().inboundQos2().contains(publish.packetId())
                && session.state().inboundQos2().size() >= receiveMaximum;
    }

    /**
     * Whether this is a QoS 2 PUBLISH already received and awaiting PUBREL: its retransmission is
     * answered again, never counted against a limit (the message was admitted the first time).
     */
    public boolean isRetransmission(ClientSession session, Publish publish) {
        return publish.qos() == Qos.EXACTLY_ONCE && session.state().inboundQos2().contains(publish.packetId());
    }

    /**
     * Refuses a PUBLISH over the client's rate limit: QoS 0 is dropped; MQTT 5 QoS 1/2 are answered
     * 0x97 Quota exceeded; MQTT 3.1.1 has no way to refuse, and acknowledging would claim the
     * message was taken, so QoS 1/2 there return the reason to disconnect with (the client keeps
     * the message and may send it again after reconnecting).
     */
    public int refuseOverQuota(ClientSession session, Publish publish) {
        if (publish.qos() == Qos.AT_MOST_ONCE) {
            return OK;
        }
        PacketSink out = session.connection();
        if (!out.version().isV5()) {
            return ReasonCode.QUOTA_EXCEEDED;
        }
        acknowledge(out, publish, ReasonCode.QUOTA_EXCEEDED);
        return OK;
    }

    /** PUBREL: forget the receipt and complete with PUBCOMP, also for an unknown id (3.6.4). */
    public void onPubrel(ClientSession session, Pubrel pubrel) {
        boolean known = session.state().inboundQos2().release(pubrel.packetId());
        if (known) {
            recorder.receiptRemoved(session, pubrel.packetId());
        }
        PacketSink out = session.connection();
        if (known || !out.version().isV5()) {
            out.send(Pubcomp.of(pubrel.packetId()));
        } else {
            out.send(new Pubcomp(pubrel.packetId(), ReasonCode.PACKET_IDENTIFIER_NOT_FOUND, Properties.EMPTY));
        }
    }

    /**
     * A PUBLISH the client may not make is dropped. MQTT 5 says so with 0x87; 3.1.1 has no way to
     * say it, so the flow completes as if it were routed (QoS 2 keeps its receipt until PUBREL).
     */
    private static void refuseUnauthorized(ClientSession session, PacketSink out, Publish publish, boolean v5) {
        switch (publish.qos()) {
            case AT_MOST_ONCE -> { }
            case AT_LEAST_ONCE -> acknowledge(out, publish, v5 ? ReasonCode.NOT_AUTHORIZED : ReasonCode.SUCCESS);
            case EXACTLY_ONCE -> {
                if (!v5) {
                    session.state().inboundQos2().receive(publish.packetId());
                }
                acknowledge(out, publish, v5 ? ReasonCode.NOT_AUTHORIZED : ReasonCode.SUCCESS);
            }
        }
    }

    /**
     * A PUBLISH refused for {@code reasonCode}: acknowledged with it (MQTT 5, QoS 1/2), or the
     * code to disconnect with (MQTT 5 QoS 0, and any 3.1.1 PUBLISH, where the connection closes).
     */
    private static int refuse(PacketSink out, Publish publish, boolean v5, int reasonCode) {
        if (!v5 || publish.qos().value() == 0) {
            return reasonCode;
        }
        acknowledge(out, publish, reasonCode);
        return OK;
    }

    /** A refused QoS 2 PUBLISH was never accepted, so a resend with the same id is a new one. */
    private void forgetReceipt(ClientSession session, Publish publish) {
        if (publish.qos() == Qos.EXACTLY_ONCE && session.state().inboundQos2().release(publish.packetId())) {
            recorder.receiptRemoved(session, publish.packetId());
        }
    }

    /** MQTT 5 tells a publisher when nobody received its message (0x10). */
    private static int routed(boolean v5, int receivers) {
        return v5 && receivers == 0 ? ReasonCode.NO_MATCHING_SUBSCRIBERS : ReasonCode.SUCCESS;
    }

    private static void acknowledge(PacketSink out, Publish publish, int reasonCode) {
        if (publish.qos().value() == 1) {
            out.send(new Puback(publish.packetId(), reasonCode, Properties.EMPTY));
        } else {
            out.send(new Pubrec(publish.packetId(), reasonCode, Properties.EMPTY));
        }
    }

    private ApplicationMessage toMessage(ClientSession session, Publish publish, TopicName topic) {
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

    /** A payload marked UTF-8 (Payload Format Indicator 1) must be well-formed UTF-8 (3.3.2.3.2). */
    private static boolean payloadMatchesFormat(Publish publish) {
        if (publish.properties().integer(PropertyId.PAYLOAD_FORMAT_INDICATOR, 0) != 1) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(publish.payload().asReadOnlyBuffer());
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
