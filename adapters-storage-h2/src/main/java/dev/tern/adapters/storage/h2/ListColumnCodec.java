package dev.tern.adapters.storage.h2;

import dev.tern.domain.message.UserProperty;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact binary encoding of the two list-valued columns, chosen over child tables because a
 * message is always read and written whole: one column read instead of a join per message.
 *
 * <p>All integers are 4-byte big-endian; strings are UTF-8 with a length prefix (not Java's
 * modified UTF-8, whose 65,535-byte limit an MQTT string can exceed once re-encoded).
 * <ul>
 *   <li>{@code user_properties}: {@code count}, then per property {@code nameLength name
 *       valueLength value}, in the publisher's order, duplicates kept.</li>
 *   <li>{@code subscription_ids}: one integer per identifier, in order; the count is the length
 *       divided by 4.</li>
 * </ul>
 * An empty list is stored as SQL NULL, so MQTT 3.1.1 traffic costs no bytes.
 *
 * <p>Threading: stateless; thread-safe.
 */
final class ListColumnCodec {

    private ListColumnCodec() {
    }

    static byte[] encodeUserProperties(List<UserProperty> properties) {
        if (properties.isEmpty()) {
            return null;
        }
        List<byte[]> parts = new ArrayList<>(properties.size() * 2);
        int size = Integer.BYTES;
        for (UserProperty property : properties) {
            byte[] name = property.name().getBytes(StandardCharsets.UTF_8);
            byte[] value = property.value().getBytes(StandardCharsets.UTF_8);
            parts.add(name);
            parts.add(value);
            size += 2 * Integer.BYTES + name.length + value.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(properties.size());
        for (byte[] part : parts) {
            out.putInt(part.length).put(part);
        }
        return out.array();
    }

    static List<UserProperty> decodeUserProperties(byte[] column) {
        if (column == null) {
            return List.of();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(column);
            int count = in.getInt();
            List<UserProperty> properties = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                properties.add(new UserProperty(readString(in), readString(in)));
            }
            if (in.hasRemaining()) {
                throw corrupt("user_properties", column.length);
            }
            return properties;
        } catch (RuntimeException e) {
            throw e instanceof IllegalStateException ? e : corrupt("user_properties", column.length);
        }
    }

    static byte[] encodeInts(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        ByteBuffer out = ByteBuffer.allocate(values.size() * Integer.BYTES);
        values.forEach(out::putInt);
        return out.array();
    }

    static List<Integer> decodeInts(byte[] column) {
        if (column == null) {
            return List.of();
        }
        if (column.length % Integer.BYTES != 0) {
            throw corrupt("subscription_ids", column.length);
        }
        ByteBuffer in = ByteBuffer.wrap(column);
        List<Integer> values = new ArrayList<>(column.length / Integer.BYTES);
        while (in.hasRemaining()) {
            values.add(in.getInt());
        }
        return values;
    }

    private static String readString(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static IllegalStateException corrupt(String column, int length) {
        return new IllegalStateException("corrupt " + column + " column of " + length + " bytes");
    }
}
