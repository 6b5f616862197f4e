package dev.tern.application.protocol.packet;

/**
 * Every MQTT control packet, one record per type. One model serves MQTT 3.1, 3.1.1 and 5: packets
 * decoded from a 3.x connection carry empty properties and success reason codes.
 */
public sealed interface MqttPacket
        permits Connect, Connack, Publish, Puback, Pubrec, Pubrel, Pubcomp, Subscribe, Suback,
        Unsubscribe, Unsuback, Pingreq, Pingresp, Disconnect, Auth {

    PacketType type();

    /** Checks a packet identifier: non-zero, 16 bits [MQTT-2.3.1-1]. */
    static int checkPacketId(int packetId) {
        if (packetId < 1 || packetId > 0xFFFF) {
            throw new IllegalArgumentException("packet identifier must be 1..65535: " + packetId);
        }
        return packetId;
    }

    static Properties orEmpty(Properties properties) {
        return properties == null ? Properties.EMPTY : properties;
    }
}
