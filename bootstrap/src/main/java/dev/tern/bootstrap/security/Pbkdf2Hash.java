package dev.tern.bootstrap.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A password stored as PBKDF2-HMAC-SHA512, written {@code $pbkdf2-sha512$ITERATIONS$SALT$HASH}
 * with salt and hash in standard Base64. The plain password is never stored.
 *
 * <p>Threading: immutable. {@link #create} and {@link #matches} cost tens of milliseconds by design;
 * never call them on an event loop.
 */
public record Pbkdf2Hash(int iterations, byte[] salt, byte[] hash) {

    public static final int DEFAULT_ITERATIONS = 210_000;
    static final String PREFIX = "$pbkdf2-sha512$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;

    public Pbkdf2Hash {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        if (salt.length == 0 || hash.length == 0) {
            throw new IllegalArgumentException("salt and hash must not be empty");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    public static Pbkdf2Hash create(char[] password, SecureRandom random, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new Pbkdf2Hash(iterations, salt, derive(password, salt, iterations));
    }

    /** Whether {@code password} hashes to this hash, compared in constant time. */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    public String encode() {
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** @throws IllegalArgumentException when {@code text} is not an encoded PBKDF2-SHA512 hash */
    public static Pbkdf2Hash decode(String text) {
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("password hash does not start with " + PREFIX);
        }
        String[] fields = text.substring(PREFIX.length()).split("\\$", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("password hash needs iterations, salt and hash");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        return new Pbkdf2Hash(Encoded.positiveInt(fields[0]), base64.decode(fields[1]), base64.decode(fields[2]));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pbkdf2Hash other && other.iterations == iterations
                && Arrays.equals(other.salt, salt) && Arrays.equals(other.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "Pbkdf2Hash[iterations=" + iterations + "]";
    }

    static byte[] derive(char[] password, byte[] salt, int iterations) {
        return Pbkdf2.derive("PBKDF2WithHmacSHA512", password, salt, iterations, HASH_BITS);
    }
}
