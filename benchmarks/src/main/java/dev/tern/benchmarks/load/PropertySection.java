package dev.tern.benchmarks.load;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.DecoderException;

/**
 * Reads MQTT 5 property sections in place: a Variable Byte Integer length, then the properties.
 * Most packets only need the section skipped; CONNACK is scanned for the one property that binds
 * the load generator, the broker's Receive Maximum.
 *
 * <p>Threading: stateless.
 */
final class PropertySection {

    /** What a broker that sends no Receive Maximum allows (3.2.2.3.3), and the 3.1.1 stand-in. */
    static final int NO_RECEIVE_MAXIMUM = 65_535;

    private static final int RECEIVE_MAXIMUM = 0x21;

    private PropertySection() {
    }

    /** The index just past the section whose length starts at {@code index}. */
    static int end(ByteBuf in, int index) {
        return lengthEnd(in, index) + length(in, index);
    }

    /** The Receive Maximum in the section whose length starts at {@code index}, if any. */
    static int receiveMaximum(ByteBuf in, int index) {
        int cursor = lengthEnd(in, index);
        int end = cursor + length(in, index);
        while (cursor < end) {
            // Identifiers are Variable Byte Integers, but every one defined fits in one byte.
            int id = in.getUnsignedByte(cursor++);
            if (id == RECEIVE_MAXIMUM) {
                return in.getUnsignedShort(cursor);
            }
            cursor += valueLength(in, id, cursor);
        }
        return NO_RECEIVE_MAXIMUM;
    }

    private static int length(ByteBuf in, int index) {
        int value = 0;
        int shift = 0;
        int digit;
        do {
            digit = in.getUnsignedByte(index++);
            value |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0 && shift < 28);
        return value;
    }

    private static int lengthEnd(ByteBuf in, int index) {
        int end = index;
        int digit;
        do {
            digit = in.getUnsignedByte(end++);
        } while ((digit & 0x80) != 0 && end - index < 4);
        return end;
    }

    /** Value sizes by property identifier (2.2.2.2); an unknown one makes the packet malformed. */
    private static int valueLength(ByteBuf in, int id, int at) {
        return switch (id) {
            case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> 1;
            case 0x13, 0x21, 0x22, 0x23 -> 2;
            case 0x02, 0x11, 0x18, 0x27 -> 4;
            case 0x0B -> lengthEnd(in, at) - at;
            case 0x03, 0x08, 0x09, 0x12, 0x15, 0x16, 0x1A, 0x1C, 0x1F -> 2 + in.getUnsignedShort(at);
            case 0x26 -> {
                int name = 2 + in.getUnsignedShort(at);
                yield name + 2 + in.getUnsignedShort(at + name);
            }
            default -> throw new DecoderException("unknown MQTT 5 property 0x" + Integer.toHexString(id));
        };
    }
}
