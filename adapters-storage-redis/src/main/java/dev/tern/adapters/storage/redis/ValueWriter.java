package dev.tern.adapters.storage.redis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds one stored value in the layout {@link ValueReader} reads: big-endian fixed-width numbers,
 * strings and byte arrays as a 4-byte length followed by the bytes (UTF-8 for strings), and a
 * length of -1 for an absent (null) one, so that absent never reads back as empty.
 *
 * <p>Threading: one instance per value, used by one thread.
 */
final class ValueWriter {

    private static final int ABSENT = -1;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    /** Starts a value with the version of its layout, so that a later layout can still read it. */
    ValueWriter(int version) {
        writeByte(version);
    }

    ValueWriter writeByte(int value) {
        out.write(value);
        return this;
    }

    ValueWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    ValueWriter writeInt(int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    ValueWriter writeLong(long value) {
        writeInt((int) (value >>> 32));
        return writeInt((int) value);
    }

    /** Writes {@code bytes}, or the absent marker for null. */
    ValueWriter writeBytes(byte[] bytes) {
        if (bytes == null) {
            return writeInt(ABSENT);
        }
        writeInt(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    /** Writes {@code text} as UTF-8, or the absent marker for null. */
    ValueWriter writeString(String text) {
        return writeBytes(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
