package dev.tern.domain.message;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of an application message. Copied once when decoded and then shared, read-only, by
 * every delivery: nothing ever writes into the array after construction, so sharing needs no copy.
 *
 * <p>A payload may be a range of a larger array: a large PUBLISH that arrived in pieces is
 * assembled into one array holding the whole packet, and its payload is the tail of that array
 * rather than a second copy of it.
 */
public final class Payload {

    public static final Payload EMPTY = new Payload(new byte[0], 0, 0);

    private final byte[] bytes;
    private final int offset;
    private final int length;

    private Payload(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    /** Takes ownership of {@code bytes}: the caller must not modify the array afterwards. */
    public static Payload wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Payload(bytes, 0, bytes.length);
    }

    /**
     * Takes ownership of {@code length} bytes of {@code bytes} from {@code offset}: the caller must
     * not modify that range afterwards.
     */
    public static Payload wrap(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return length == 0 ? EMPTY : new Payload(bytes, offset, length);
    }

    public static Payload copyOf(byte[] bytes) {
        return wrap(bytes.clone());
    }

    public int size() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** A read-only view for encoders, positioned at the payload's first byte; no bytes are copied. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes, offset, length).slice().asReadOnlyBuffer();
    }

    /** Writes the payload into {@code target} without an intermediate copy. */
    public void writeTo(ByteBuffer target) {
        target.put(bytes, offset, length);
    }

    /** A fresh copy, for callers outside the broker (tests, storage adapters). */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload other
                && Arrays.equals(bytes, offset, offset + length, other.bytes, other.offset, other.offset + other.length);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash;
    }

    @Override
    public String toString() {
        return "Payload[" + length + " bytes]";
    }
}
