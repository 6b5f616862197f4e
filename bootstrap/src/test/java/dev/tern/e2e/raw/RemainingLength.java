package dev.tern.e2e.raw;

/** The variable-length integer of the fixed header: seven bits per byte, high bit = more follows. */
public final class RemainingLength {

    private RemainingLength() {
    }

    public static byte[] encode(int value) {
        if (value < 0 || value > 268_435_455) {
            throw new IllegalArgumentException("remaining length out of range: " + value);
        }
        byte[] buffer = new byte[4];
        int size = 0;
        int rest = value;
        do {
            int digit = rest % 128;
            rest /= 128;
            buffer[size++] = (byte) (rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
        byte[] encoded = new byte[size];
        System.arraycopy(buffer, 0, encoded, 0, size);
        return encoded;
    }
}
