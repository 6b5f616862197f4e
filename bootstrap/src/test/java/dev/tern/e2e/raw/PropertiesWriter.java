package dev.tern.e2e.raw;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MQTT 5 properties (2.2.2) as bytes, identifier by identifier, in the order given. It does not
 * check which property belongs to which packet, so tests can send ones that do not.
 *
 * <p>Threading: not thread-safe.
 */
public final class PropertiesWriter {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public static PropertiesWriter properties() {
        return new PropertiesWriter();
    }

    public PropertiesWriter byteProperty(int id, int value) {
        bytes.write(id);
        bytes.write(value & 0xFF);
        return this;
    }

    public PropertiesWriter twoByte(int id, int value) {
        bytes.write(id);
        writeU16(value);
        return this;
    }

    public PropertiesWriter fourByte(int id, long value) {
        bytes.write(id);
        bytes.write((int) (value >> 24) & 0xFF);
        bytes.write((int) (value >> 16) & 0xFF);
        bytes.write((int) (value >> 8) & 0xFF);
        bytes.write((int) value & 0xFF);
        return this;
    }

    public PropertiesWriter varInt(int id, int value) {
        bytes.write(id);
        bytes.writeBytes(RemainingLength.encode(value));
        return this;
    }

    public PropertiesWriter utf8(int id, String value) {
        return binary(id, value.getBytes(StandardCharsets.UTF_8));
    }

    public PropertiesWriter binary(int id, byte[] value) {
        bytes.write(id);
        writeU16(value.length);
        bytes.writeBytes(value);
        return this;
    }

    public PropertiesWriter userProperty(String key, String value) {
        utf8(0x26, key);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        writeU16(v.length);
        bytes.writeBytes(v);
        return this;
    }

    /** Any bytes after the properties written so far, e.g. an unknown identifier. */
    public PropertiesWriter raw(int... values) {
        for (int value : values) {
            bytes.write(value);
        }
        return this;
    }

    /** The property length followed by the properties. */
    public byte[] toBytes() {
        byte[] body = bytes.toByteArray();
        byte[] length = RemainingLength.encode(body.length);
        byte[] all = new byte[length.length + body.length];
        System.arraycopy(length, 0, all, 0, length.length);
        System.arraycopy(body, 0, all, length.length, body.length);
        return all;
    }

    private void writeU16(int value) {
        bytes.write((value >> 8) & 0xFF);
        bytes.write(value & 0xFF);
    }
}
