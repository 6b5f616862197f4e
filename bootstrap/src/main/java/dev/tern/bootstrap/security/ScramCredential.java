package dev.tern.bootstrap.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a server keeps to verify SCRAM-SHA-256 (RFC 5802, RFC 7677) without knowing the password:
 * salt, iteration count, StoredKey = H(HMAC(SaltedPassword, "Client Key")) and ServerKey =
 * HMAC(SaltedPassword, "Server Key"). Written {@code $scram-sha-256$ITERATIONS$SALT$STOREDKEY$SERVERKEY}
 * in standard Base64.
 *
 * <p>The password goes into Hi() as its UTF-8 bytes; SASLprep is not applied, which gives the same
 * result for every ASCII password.
 *
 * <p>Threading: immutable.
 */
public record ScramCredential(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {

    /** RFC 7677 asks for at least 4096; the client pays this cost on every login. */
    public static final int DEFAULT_ITERATIONS = 4096;
    static final String PREFIX = "$scram-sha-256$";
    private static final int SALT_BYTES = 16;

    public ScramCredential {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        if (salt.length == 0 || storedKey.length != 32 || serverKey.length != 32) {
            throw new IllegalArgumentException("SCRAM-SHA-256 needs a salt and 32-byte keys");
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    public static ScramCredential create(char[] password, SecureRandom random, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] salted = Pbkdf2.derive("PBKDF2WithHmacSHA256", password, salt, iterations, 256);
        byte[] clientKey = hmac(salted, "Client Key");
        return new ScramCredential(iterations, salt, sha256(clientKey), hmac(salted, "Server Key"));
    }

    public String encode() {
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(storedKey)
                + "$" + base64.encodeToString(serverKey);
    }

    /** @throws IllegalArgumentException when {@code text} is not an encoded SCRAM-SHA-256 credential */
    public static ScramCredential decode(String text) {
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("SCRAM credential does not start with " + PREFIX);
        }
        String[] fields = text.substring(PREFIX.length()).split("\\$", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException("SCRAM credential needs iterations, salt, stored key and server key");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        return new ScramCredential(Encoded.positiveInt(fields[0]), base64.decode(fields[1]),
                base64.decode(fields[2]), base64.decode(fields[3]));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramCredential other && other.iterations == iterations && Arrays.equals(other.salt, salt)
                && Arrays.equals(other.storedKey, storedKey) && Arrays.equals(other.serverKey, serverKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(storedKey);
    }

    @Override
    public String toString() {
        return "ScramCredential[iterations=" + iterations + "]";
    }

    static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
