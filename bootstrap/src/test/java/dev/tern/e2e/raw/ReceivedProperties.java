package dev.tern.e2e.raw;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The MQTT 5 properties of a packet from the server, decoded by the types of 2.2.2.2, in the
 * order they came. Values are Long (integers), String, byte[] or String[2] (user properties).
 */
public record ReceivedProperties(List<Entry> entries) {

    public record Entry(int id, Object value) {
    }

    /** Reads a property length and the properties from {@code buffer}. */
    static ReceivedProperties read(ByteBuffer buffer) {
        int length = varInt(buffer);
        int end = buffer.position() + length;
        List<Entry> entries = new ArrayList<>();
        while (buffer.position() < end) {
            int id = buffer.get() & 0xFF;
            entries.add(new Entry(id, value(id, buffer)));
        }
        return new ReceivedProperties(List.copyOf(entries));
    }

    public boolean has(int id) {
        return entries.stream().anyMatch(e -> e.id == id);
    }

    /** An integer property, or null when absent. */
    public Long integer(int id) {
        return (Long) first(id);
    }

    public String string(int id) {
        return (String) first(id);
    }

    public byte[] binary(int id) {
        return (byte[]) first(id);
    }

    /** Every value of a property that may repeat (Subscription Identifier, User Property). */
    public List<Object> all(int id) {
        return entries.stream().filter(e -> e.id == id).map(Entry::value).toList();
    }

    private Object first(int id) {
        return entries.stream().filter(e -> e.id == id).map(Entry::value).findFirst().orElse(null);
    }

    private static Object value(int id, ByteBuffer buffer) {
        return switch (id) {
            case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> (long) (buffer.get() & 0xFF);
            case 0x13, 0x21, 0x22, 0x23 -> (long) (buffer.getShort() & 0xFFFF);
            case 0x02, 0x11, 0x18, 0x27 -> buffer.getInt() & 0xFFFFFFFFL;
            case 0x0B -> (long) varInt(buffer);
            case 0x03, 0x08, 0x12, 0x15, 0x1A, 0x1C, 0x1F -> utf8(buffer);
            case 0x09, 0x16 -> binary(buffer);
            case 0x26 -> new String[] {utf8(buffer), utf8(buffer)};
            default -> throw new AssertionError("server sent unknown property id 0x" + Integer.toHexString(id));
        };
    }

    static String utf8(ByteBuffer buffer) {
        return new String(binary(buffer), StandardCharsets.UTF_8);
    }

    private static byte[] binary(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getShort() & 0xFFFF];
        buffer.get(bytes);
        return bytes;
    }

    static int varInt(ByteBuffer buffer) {
        int value = 0;
        int multiplier = 1;
        int digit;
        do {
            digit = buffer.get() & 0xFF;
            value += (digit & 0x7F) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0);
        return value;
    }
}
