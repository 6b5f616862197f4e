package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Property;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.domain.message.UserProperty;

/**
 * Reads an MQTT 5 property section (2.2.2): a Variable Byte Integer length, then properties that
 * must fill exactly that length. Checks the rules every receiver shares: known identifier and one
 * allowed in this packet, no forbidden repetition, values in their range. Rules that depend on the
 * session (Topic Alias Maximum, Subscription Identifier in a client's PUBLISH) are the engine's.
 */
final class PropertiesDecoder {

    private PropertiesDecoder() {
    }

    /** Properties of a packet of {@code packetType}; null after recording an error in {@code in}. */
    static Properties read(PacketInput in, PacketType packetType) {
        return read(in, packetType, false);
    }

    /** The will properties inside a CONNECT payload (3.1.3.2). */
    static Properties readWill(PacketInput in) {
        return read(in, PacketType.CONNECT, true);
    }

    private static Properties read(PacketInput in, PacketType packetType, boolean will) {
        int length = in.readVariableByteInteger();
        if (in.failed()) {
            return null;
        }
        if (length > in.remaining()) {
            return in.malformed("property length exceeds the packet");
        }
        if (length == 0) {
            return Properties.EMPTY;
        }
        int end = in.position() + length;
        long seen = 0;
        Properties.Builder builder = Properties.builder();
        while (!in.failed() && in.position() < end) {
            PropertyId id = PropertyId.of(in.readVariableByteInteger());
            if (in.failed()) {
                return null;
            }
            if (id == null) {
                return in.malformed("unknown property identifier");
            }
            if (will ? !id.allowedInWill() : !id.allowedIn(packetType)) {
                // 2.2.2.2: an identifier not valid for its packet type makes the packet malformed.
                return in.malformed(id + " is not allowed in " + (will ? "will properties" : packetType));
            }
            long bit = 1L << id.id();
            if ((seen & bit) != 0 && !repeatable(id, packetType)) {
                return in.protocolError(id + " included more than once");
            }
            seen |= bit;
            Property property = readValue(in, id);
            if (property == null) {
                return null;
            }
            builder.add(property);
        }
        if (in.failed()) {
            return null;
        }
        if (in.position() != end) {
            return in.malformed("properties overrun their length");
        }
        return builder.build();
    }

    /** User Property always; Subscription Identifier only in PUBLISH (3.8.2.1.2: once in SUBSCRIBE). */
    private static boolean repeatable(PropertyId id, PacketType packetType) {
        return id == PropertyId.USER_PROPERTY
                || id == PropertyId.SUBSCRIPTION_IDENTIFIER && packetType == PacketType.PUBLISH;
    }

    private static Property readValue(PacketInput in, PropertyId id) {
        switch (id.type()) {
            case BYTE:
                return integer(in, id, in.readByte());
            case TWO_BYTE_INTEGER:
                return integer(in, id, in.readTwoByteInteger());
            case FOUR_BYTE_INTEGER:
                return integer(in, id, in.readFourByteInteger());
            case VARIABLE_BYTE_INTEGER:
                return integer(in, id, in.readVariableByteInteger());
            case UTF8_STRING: {
                String value = in.readUtf8String();
                return value == null ? null : new Property.StringProperty(id, value);
            }
            case BINARY_DATA: {
                byte[] value = in.readBinary();
                return value == null ? null : new Property.BinaryProperty(id, value);
            }
            case UTF8_STRING_PAIR: {
                String name = in.readUtf8String();
                String value = in.readUtf8String();
                return value == null ? null : new Property.UserPropertyEntry(new UserProperty(name, value));
            }
            default:
                return in.malformed("unsupported property type " + id.type());
        }
    }

    private static Property integer(PacketInput in, PropertyId id, long value) {
        if (in.failed()) {
            return null;
        }
        String problem = PropertyValueRules.problem(id, value);
        if (problem != null) {
            return in.protocolError(problem);
        }
        return new Property.IntegerProperty(id, value);
    }
}
