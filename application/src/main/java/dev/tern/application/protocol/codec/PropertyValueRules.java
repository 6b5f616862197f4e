package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.PropertyType;

/** Value ranges the MQTT 5 spec makes a Protocol Error to break, whatever the session state. */
final class PropertyValueRules {

    private PropertyValueRules() {
    }

    /** Why {@code value} is not allowed for {@code id}, or null when it is. */
    static String problem(PropertyId id, long value) {
        if (id.type() == PropertyType.BYTE && value > 1) {
            // Every byte property is a 0/1 flag, Maximum QoS included (3.2.2.3.4).
            return id + " must be 0 or 1";
        }
        if (value == 0) {
            switch (id) {
                case SUBSCRIPTION_IDENTIFIER:
                    return "Subscription Identifier must not be 0 (3.8.2.1.2)";
                case RECEIVE_MAXIMUM:
                    return "Receive Maximum must not be 0 (3.1.2.11.3)";
                case MAXIMUM_PACKET_SIZE:
                    return "Maximum Packet Size must not be 0 (3.1.2.11.4)";
                default:
                    return null;
            }
        }
        return null;
    }
}
