package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Property;
import java.nio.ByteBuffer;

/** Writes an MQTT 5 property section: Variable Byte Integer length, then each property in order. */
final class PropertiesEncoder {

    private PropertiesEncoder() {
    }

    /** Size of the whole section, length prefix included. */
    static int encodedSize(Properties properties) {
        int length = contentLength(properties);
        return VariableByteInteger.size(length) + length;
    }

    static void write(Properties properties, ByteBuffer out) {
        VariableByteInteger.write(contentLength(properties), out);
        for (Property p : properties.entries()) {
            VariableByteInteger.write(p.id().id(), out);
            writeValue(p, out);
        }
    }

    private static int contentLength(Properties properties) {
        int length = 0;
        for (Property p : properties.entries()) {
            length += VariableByteInteger.size(p.id().id()) + valueSize(p);
        }
        return length;
    }

    private static int valueSize(Property p) {
        if (p instanceof Property.IntegerProperty i) {
            switch (i.id().type()) {
                case BYTE:
                    return 1;
                case TWO_BYTE_INTEGER:
                    return 2;
                case FOUR_BYTE_INTEGER:
                    return 4;
                default:
                    return VariableByteInteger.size((int) i.value());
            }
        }
        if (p instanceof Property.StringProperty s) {
            return Utf8StringEncoder.encodedSize(s.value());
        }
        if (p instanceof Property.BinaryProperty b) {
            return BinaryDataEncoder.encodedSize(b.value());
        }
        Property.UserPropertyEntry u = (Property.UserPropertyEntry) p;
        return Utf8StringEncoder.encodedSize(u.pair().name()) + Utf8StringEncoder.encodedSize(u.pair().value());
    }

    private static void writeValue(Property p, ByteBuffer out) {
        if (p instanceof Property.IntegerProperty i) {
            switch (i.id().type()) {
                case BYTE -> out.put((byte) i.value());
                case TWO_BYTE_INTEGER -> out.putShort((short) i.value());
                case FOUR_BYTE_INTEGER -> out.putInt((int) i.value());
                default -> VariableByteInteger.write((int) i.value(), out);
            }
        } else if (p instanceof Property.StringProperty s) {
            Utf8StringEncoder.write(s.value(), out);
        } else if (p instanceof Property.BinaryProperty b) {
            BinaryDataEncoder.write(b.value(), out);
        } else {
            Property.UserPropertyEntry u = (Property.UserPropertyEntry) p;
            Utf8StringEncoder.write(u.pair().name(), out);
            Utf8StringEncoder.write(u.pair().value(), out);
        }
    }
}
