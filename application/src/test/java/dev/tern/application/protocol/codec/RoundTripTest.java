package dev.tern.application.protocol.codec;

import static dev.tern.application.protocol.codec.Wire.decode;
import static dev.tern.application.protocol.codec.Wire.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Auth;
import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Pingreq;
import dev.tern.application.protocol.packet.Pingresp;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Pubcomp;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.Pubrel;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.Suback;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.protocol.packet.Unsuback;
import dev.tern.application.protocol.packet.Unsubscribe;
import dev.tern.application.protocol.packet.WillFields;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.RetainHandling;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every packet type decodes to what was encoded, in each version. */
class RoundTripTest {

    private static final ProtocolVersion V3 = ProtocolVersion.MQTT_3_1_1;
    private static final ProtocolVersion V5 = ProtocolVersion.MQTT_5;
    private static final byte[] PAYLOAD = {1, 2, 3, (byte) 0xFF};

    static Stream<MqttPacket> mqtt311Packets() {
        return Stream.of(
                new Connect(V3, true, 60, "client-é", new WillFields("will/t", Payload.wrap(PAYLOAD), Qos.EXACTLY_ONCE, true, null),
                        "user", new byte[] {'p', 0}, null),
                new Connect(V3, false, 0, "", null, null, null, null),
                new Connack(true, ReasonCode.V3_ACCEPTED, null),
                new Connack(false, ReasonCode.V3_IDENTIFIER_REJECTED, null),
                new Publish(false, Qos.AT_MOST_ONCE, true, "a/b", 0, null, Payload.wrap(PAYLOAD)),
                new Publish(true, Qos.EXACTLY_ONCE, false, "a/€/c", 65535, null, Payload.EMPTY),
                Puback.of(1), Pubrec.of(2), Pubrel.of(3), Pubcomp.of(4),
                new Subscribe(7, List.of(TopicSubscription.of("a/+", Qos.AT_LEAST_ONCE),
                        TopicSubscription.of("#", Qos.EXACTLY_ONCE)), null),
                new Suback(7, List.of(0, 1, 2, ReasonCode.V3_SUBACK_FAILURE), null),
                new Unsubscribe(8, List.of("a/+", "b"), null),
                new Unsuback(8, List.of(), null),
                Pingreq.INSTANCE, Pingresp.INSTANCE, Disconnect.NORMAL);
    }

    static Stream<MqttPacket> mqtt5Packets() {
        Properties user = Properties.builder().user("k", "v").user("k", "w").build();
        return Stream.of(
                new Connect(V5, true, 30, "c", new WillFields("w", Payload.wrap(PAYLOAD), Qos.AT_LEAST_ONCE, false,
                        Properties.builder().integer(PropertyId.WILL_DELAY_INTERVAL, 10)
                                .string(PropertyId.CONTENT_TYPE, "text/plain").build()),
                        null, new byte[] {9}, Properties.builder().integer(PropertyId.SESSION_EXPIRY_INTERVAL, 0xFFFF_FFFFL)
                                .integer(PropertyId.RECEIVE_MAXIMUM, 100)
                                .string(PropertyId.AUTHENTICATION_METHOD, "SCRAM")
                                .binary(PropertyId.AUTHENTICATION_DATA, new byte[] {1, 2}).build()),
                new Connack(true, ReasonCode.SUCCESS, Properties.builder()
                        .string(PropertyId.ASSIGNED_CLIENT_IDENTIFIER, "auto-1")
                        .integer(PropertyId.TOPIC_ALIAS_MAXIMUM, 10)
                        .integer(PropertyId.MAXIMUM_QOS, 1)
                        .integer(PropertyId.MAXIMUM_PACKET_SIZE, 1 << 20).build()),
                new Connack(false, ReasonCode.BAD_USER_NAME_OR_PASSWORD, null),
                new Publish(false, Qos.AT_MOST_ONCE, false, "t", 0, null, Payload.EMPTY),
                new Publish(true, Qos.AT_LEAST_ONCE, true, "a/b", 12, Properties.builder()
                        .integer(PropertyId.PAYLOAD_FORMAT_INDICATOR, 1)
                        .integer(PropertyId.MESSAGE_EXPIRY_INTERVAL, 3600)
                        .string(PropertyId.RESPONSE_TOPIC, "reply")
                        .binary(PropertyId.CORRELATION_DATA, new byte[] {7})
                        .integer(PropertyId.SUBSCRIPTION_IDENTIFIER, 268_435_455)
                        .integer(PropertyId.SUBSCRIPTION_IDENTIFIER, 1)
                        .userProperties(user.userProperties()).build(), Payload.wrap(PAYLOAD)),
                Puback.of(1),
                new Puback(2, ReasonCode.NO_MATCHING_SUBSCRIBERS, null),
                new Pubrec(3, ReasonCode.QUOTA_EXCEEDED,
                        Properties.builder().string(PropertyId.REASON_STRING, "full").build()),
                new Pubrel(4, ReasonCode.PACKET_IDENTIFIER_NOT_FOUND, null),
                new Pubcomp(5, ReasonCode.SUCCESS, user),
                new Subscribe(9, List.of(new TopicSubscription("a/#", Qos.EXACTLY_ONCE, true, true, RetainHandling.DO_NOT_SEND),
                        new TopicSubscription("$share/g/b", Qos.AT_MOST_ONCE, false, false,
                                RetainHandling.SEND_IF_NEW_SUBSCRIPTION)),
                        Properties.builder().integer(PropertyId.SUBSCRIPTION_IDENTIFIER, 42).build()),
                new Suback(9, List.of(ReasonCode.GRANTED_QOS_2, ReasonCode.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED),
                        Properties.builder().string(PropertyId.REASON_STRING, "no").build()),
                new Unsubscribe(10, List.of("a/#"), user),
                new Unsuback(10, List.of(ReasonCode.NO_SUBSCRIPTION_EXISTED), null),
                Pingreq.INSTANCE, Pingresp.INSTANCE, Disconnect.NORMAL,
                new Disconnect(ReasonCode.SERVER_SHUTTING_DOWN, null),
                new Disconnect(ReasonCode.USE_ANOTHER_SERVER,
                        Properties.builder().string(PropertyId.SERVER_REFERENCE, "other:1883").build()),
                new Auth(ReasonCode.SUCCESS, null),
                new Auth(ReasonCode.CONTINUE_AUTHENTICATION, Properties.builder()
                        .string(PropertyId.AUTHENTICATION_METHOD, "SCRAM")
                        .binary(PropertyId.AUTHENTICATION_DATA, new byte[] {3}).build()));
    }

    @ParameterizedTest
    @MethodSource("mqtt311Packets")
    void roundTripsMqtt311Packet(MqttPacket packet) {
        assertRoundTrip(packet, V3);
    }

    @ParameterizedTest
    @MethodSource("mqtt5Packets")
    void roundTripsMqtt5Packet(MqttPacket packet) {
        assertRoundTrip(packet, V5);
    }

    @ParameterizedTest
    @MethodSource("mqtt311Packets")
    void roundTripsMqtt31Packet(MqttPacket packet) {
        MqttPacket in31 = packet instanceof Connect c
                ? new Connect(ProtocolVersion.MQTT_3_1, c.cleanStart(), c.keepAliveSeconds(), c.clientId(), c.will(),
                        c.username(), c.password(), null)
                : packet;
        assertRoundTrip(in31, ProtocolVersion.MQTT_3_1);
    }

    private static void assertRoundTrip(MqttPacket packet, ProtocolVersion version) {
        byte[] wire = encode(packet, version);

        assertThat(decode(packet instanceof Connect ? null : version, wire)).isEqualTo(packet);
        assertThat(PacketEncoder.encodedSize(packet, version)).isEqualTo(wire.length);
    }
}
