package dev.tern.adapters.storage.redis;

import java.nio.charset.StandardCharsets;

/**
 * The Redis Cluster hash slot of a key, computed the way Redis does (CRC16/XMODEM of the key's
 * bytes, modulo 16384; only the hash tag, the text between the first {@code {} and the next
 * {@code }}, when that text is not empty). Computed here rather than asked of Redis so that a
 * group commit can be split by slot without a round trip.
 *
 * <p>Threading: stateless.
 */
final class HashSlot {

    static final int SLOTS = 16_384;

    private HashSlot() {
    }

    /** The slot {@code key} lives in. */
    static int of(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int open = indexOf(bytes, (byte) '{', 0);
        if (open >= 0) {
            int close = indexOf(bytes, (byte) '}', open + 1);
            if (close > open + 1) {
                return crc16(bytes, open + 1, close) % SLOTS;
            }
        }
        return crc16(bytes, 0, bytes.length) % SLOTS;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** CRC16/XMODEM (polynomial 0x1021, initial value 0) of {@code bytes[from, to)}. */
    private static int crc16(byte[] bytes, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= (bytes[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }
}
