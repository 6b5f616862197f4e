package dev.tern.domain.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of an application message. Copied once when decoded and then shared, read-only, by
 * every delivery: nothing ever writes into the array after construction, so sharing needs no copy.
 */
public final class Payload {

    public static final Payload EMPTY = new Payload(new byte[0]);

    private final byte[] bytes;

    private Payload(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of {@code bytes}: the caller must not modify the array afterwards. */
    public static Payload wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Payload(bytes);
    }

    public static Payload copyOf(byte[] bytes) {
        return wrap(bytes.clone());
    }

    public int size() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** A read-only view for encoders; no bytes are copied. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** Writes the payload into {@code target} without an intermediate copy. */
    public void writeTo(ByteBuffer target) {
        target.put(bytes);
    }

    /** A fresh copy, for callers outside the broker (tests, storage adapters). */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Payload[" + bytes.length + " bytes]";
    }
}
