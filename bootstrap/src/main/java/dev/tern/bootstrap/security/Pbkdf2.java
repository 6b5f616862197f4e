package dev.tern.bootstrap.security;

import java.security.GeneralSecurityException;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** PBKDF2 through the JDK's provider; both password formats of the file derive their keys here. */
final class Pbkdf2 {

    private Pbkdf2() {
    }

    static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Both algorithms are mandatory in every Java 17 runtime.
            throw new IllegalStateException(algorithm + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
