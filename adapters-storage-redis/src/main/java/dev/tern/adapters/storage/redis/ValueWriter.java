package dev.tern.adapters.storage.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one stored value in the layout {@link ValueReader} reads: big-endian fixed-width numbers,
 * strings and byte arrays as a 4-byte length followed by the bytes (UTF-8 for strings), and a
 * length of -1 for an absent (null) one, so that absent never reads back as empty.
 *
 * <p>A plain array rather than a {@code ByteArrayOutputStream}, whose every one-byte write takes
 * a lock: a queued delivery is written byte by byte on the storage thread of every group commit.
 *
 * <p>Threading: one instance per value, used by one thread.
 */
final class ValueWriter {

    private static final int ABSENT = -1;

    /** Room for a delivery of a short topic and a small payload without growing. */
    private static final int INITIAL_CAPACITY = 256;

    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int size;

    /** Starts a value with the version of its layout, so that a later layout can still read it. */
    ValueWriter(int version) {
        writeByte(version);
    }

    ValueWriter writeByte(int value) {
        ensureRoom(1);
        buffer[size++] = (byte) value;
        return this;
    }

    ValueWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    ValueWriter writeInt(int value) {
        ensureRoom(4);
        buffer[size] = (byte) (value >>> 24);
        buffer[size + 1] = (byte) (value >>> 16);
        buffer[size + 2] = (byte) (value >>> 8);
        buffer[size + 3] = (byte) value;
        size += 4;
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
        ensureRoom(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        return this;
    }

    /** Writes {@code text} as UTF-8, or the absent marker for null. */
    ValueWriter writeString(String text) {
        return writeBytes(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensureRoom(int bytes) {
        if (size + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
        }
    }
}
