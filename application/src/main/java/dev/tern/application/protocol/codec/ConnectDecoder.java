package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.WillFields;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;

/** CONNECT (3.1) for MQTT 3.1 ("MQIsdp" level 3), 3.1.1 and 5: the packet names its own version. */
final class ConnectDecoder implements PacketDecoder {

    private static final int RESERVED = 0x01;
    private static final int CLEAN_START = 0x02;
    private static final int WILL = 0x04;
    private static final int WILL_RETAIN = 0x20;
    private static final int PASSWORD = 0x40;
    private static final int USERNAME = 0x80;

    @Override
    public MqttPacket decode(int flags, PacketInput in, CodecContext context) {
        String protocolName = in.readUtf8String();
        int level = in.readByte();
        if (in.failed()) {
            return null;
        }
        ProtocolVersion version = ProtocolVersion.of(protocolName, level);
        if (version == null) {
            return in.fail(ReasonCode.UNSUPPORTED_PROTOCOL_VERSION,
                    "unsupported protocol name or level [MQTT-3.1.2-1] [MQTT-3.1.2-2]");
        }
        int connectFlags = in.readByte();
        int keepAlive = in.readTwoByteInteger();
        if (in.failed()) {
            return null;
        }
        String flagProblem = flagProblem(connectFlags, version);
        if (flagProblem != null) {
            return in.malformed(flagProblem);
        }
        Properties properties = version.isV5() ? PropertiesDecoder.read(in, PacketType.CONNECT) : Properties.EMPTY;
        if (!in.failed() && properties.has(PropertyId.AUTHENTICATION_DATA)
                && !properties.has(PropertyId.AUTHENTICATION_METHOD)) {
            // 3.1.2.11.10: Authentication Data without an Authentication Method is a Protocol Error.
            return in.fail(ReasonCode.PROTOCOL_ERROR, "authentication data without a method");
        }
        String clientId = in.readUtf8String();
        if (in.failed()) {
            return null;
        }
        WillFields will = (connectFlags & WILL) != 0 ? readWill(connectFlags, version, in) : null;
        String username = (connectFlags & USERNAME) != 0 ? in.readUtf8String() : null;
        // 3.1 sent the password as a string; its bytes read the same as Binary Data.
        byte[] password = (connectFlags & PASSWORD) != 0 ? in.readBinary() : null;
        in.expectEnd("CONNECT");
        if (in.failed()) {
            return null;
        }
        return new Connect(version, (connectFlags & CLEAN_START) != 0, keepAlive, clientId, will,
                username, password, properties);
    }

    /** Why the connect flags are invalid, or null. */
    private static String flagProblem(int connectFlags, ProtocolVersion version) {
        if ((connectFlags & RESERVED) != 0) {
            return "CONNECT reserved flag must be 0 [MQTT-3.1.2-3]";
        }
        int willQos = (connectFlags >>> 3) & 0b11;
        if ((connectFlags & WILL) == 0) {
            if (willQos != 0 || (connectFlags & WILL_RETAIN) != 0) {
                return "will QoS and retain must be 0 without will flag [MQTT-3.1.2-11] [MQTT-3.1.2-13] [MQTT-3.1.2-15]";
            }
        } else if (willQos == 3) {
            return "will QoS 3 [MQTT-3.1.2-14]";
        }
        if (!version.isV5() && (connectFlags & USERNAME) == 0 && (connectFlags & PASSWORD) != 0) {
            return "password flag without user name flag [MQTT-3.1.2-22]";
        }
        return null;
    }

    private static WillFields readWill(int connectFlags, ProtocolVersion version, PacketInput in) {
        Properties properties = version.isV5() ? PropertiesDecoder.readWill(in) : Properties.EMPTY;
        String topic = in.readUtf8String();
        byte[] payload = in.readBinary();
        if (in.failed()) {
            return null;
        }
        Qos qos = Qos.of((connectFlags >>> 3) & 0b11);
        return new WillFields(topic, Payload.wrap(payload), qos, (connectFlags & WILL_RETAIN) != 0, properties);
    }
}
