package dev.tern.application.protocol.handler;

import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.PropertyId;

/**
 * What an MQTT 5 client told the broker about itself in CONNECT (3.1.2.11); MQTT 3.1.1 clients
 * get the protocol's defaults.
 *
 * @param receiveMaximum             unacknowledged QoS 1/2 PUBLISHes the client accepts at once
 * @param maximumPacketSize          the largest packet the client accepts
 * @param topicAliasMaximum          outbound topic aliases the client accepts; 0 for none
 * @param problemInformation         whether reason strings and user properties may be sent on
 *                                   packets other than PUBLISH, CONNACK and DISCONNECT
 * @param responseInformationWanted  whether the client asked for Response Information
 */
public record ClientLimits(
        int receiveMaximum,
        int maximumPacketSize,
        int topicAliasMaximum,
        boolean problemInformation,
        boolean responseInformationWanted) {

    public static final ClientLimits V3 = new ClientLimits(0xFFFF, 268_435_455, 0, true, false);

    public static ClientLimits of(Connect connect) {
        if (!connect.version().isV5()) {
            return V3;
        }
        var p = connect.properties();
        return new ClientLimits(
                (int) p.integer(PropertyId.RECEIVE_MAXIMUM, 0xFFFF),
                (int) p.integer(PropertyId.MAXIMUM_PACKET_SIZE, 268_435_455),
                (int) p.integer(PropertyId.TOPIC_ALIAS_MAXIMUM, 0),
                p.integer(PropertyId.REQUEST_PROBLEM_INFORMATION, 1) == 1,
                p.integer(PropertyId.REQUEST_RESPONSE_INFORMATION, 0) == 1);
    }
}
