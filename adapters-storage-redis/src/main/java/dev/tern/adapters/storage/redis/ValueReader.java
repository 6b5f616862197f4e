package dev.tern.adapters.storage.redis;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads one value written by {@link ValueWriter}. A value that is cut short, has a length beyond
 * its end, or carries a version this code does not know is reported as a
 * {@link CorruptValueException} naming the key it came from.
 *
 * <p>Threading: one instance per value, used by one thread.
 */
final class ValueReader {

    private final ByteBuffer in;
    private final String source;

    /**
     * @param expectedVersion the layout version the caller reads
     * @param source          the key (and field) the value came from, for error messages
     */
    ValueReader(byte[] value, int expectedVersion, String source) {
        this.in = ByteBuffer.wrap(value);
        this.source = source;
        int version = readByte();
        if (version != expectedVersion) {
            throw new CorruptValueException(source, "layout version " + version + ", expected " + expectedVersion);
        }
    }

    int readByte() {
        try {
            return in.get() & 0xFF;
        } catch (BufferUnderflowException e) {
            throw new CorruptValueException(source, "value ends early");
        }
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    int readInt() {
        try {
            return in.getInt();
        } catch (BufferUnderflowException e) {
            throw new CorruptValueException(source, "value ends early");
        }
    }

    long readLong() {
        try {
            return in.getLong();
        } catch (BufferUnderflowException e) {
            throw new CorruptValueException(source, "value ends early");
        }
    }

    /** The bytes written, or null where the absent marker was written. */
    byte[] readBytes() {
        int length = readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new CorruptValueException(source, "length " + length + " beyond the value's end");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    String readString() {
        byte[] bytes = readBytes();
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Ends reading: bytes left over mean the value is not what the layout says. */
    void expectEnd() {
        if (in.hasRemaining()) {
            throw new CorruptValueException(source, in.remaining() + " unexpected bytes at the end");
        }
    }
}
