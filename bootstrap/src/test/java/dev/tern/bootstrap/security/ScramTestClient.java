package dev.tern.bootstrap.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SCRAM-SHA-256, written independently of the server code from RFC 5802
 * section 3, so that the two check each other. Public for the end-to-end tests.
 */
public final class ScramTestClient {

    private final String username;
    private final String password;
    private final String nonce;
    private byte[] serverSignature;

    public ScramTestClient(String username, String password) {
        this.username = username;
        this.password = password;
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        this.nonce = Base64.getEncoder().encodeToString(bytes);
    }

    public String nonce() {
        return nonce;
    }

    public byte[] first() {
        return ("n,," + bare()).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] last(String serverFirst) {
        try {
            String combinedNonce = null;
            String salt = null;
            int iterations = 0;
            for (String part : serverFirst.split(",")) {
                switch (part.charAt(0)) {
                    case 'r' -> combinedNonce = part.substring(2);
                    case 's' -> salt = part.substring(2);
                    case 'i' -> iterations = Integer.parseInt(part.substring(2));
                    default -> { }
                }
            }
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                    new PBEKeySpec(password.toCharArray(), Base64.getDecoder().decode(salt), iterations, 256)).getEncoded();
            byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.UTF_8));
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            String withoutProof = "c=biws,r=" + combinedNonce;
            byte[] authMessage = (bare() + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
            byte[] signature = hmac(storedKey, authMessage);
            byte[] proof = new byte[clientKey.length];
            for (int i = 0; i < proof.length; i++) {
                proof[i] = (byte) (clientKey[i] ^ signature[i]);
            }
            serverSignature = hmac(hmac(salted, "Server Key".getBytes(StandardCharsets.UTF_8)), authMessage);
            return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verifiesServer(byte[] serverFinal) {
        String expected = "v=" + Base64.getEncoder().encodeToString(serverSignature);
        return expected.equals(new String(serverFinal, StandardCharsets.UTF_8));
    }

    private String bare() {
        return "n=" + username.replace("=", "=3D").replace(",", "=2C") + ",r=" + nonce;
    }

    private static byte[] hmac(byte[] key, byte[] message) throws java.security.GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }
}
