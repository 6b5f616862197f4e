package dev.tern.bootstrap.security;

import java.util.Objects;

/**
 * One user of the password file: the PBKDF2 hash checked for CONNECT passwords and, optionally,
 * the SCRAM-SHA-256 credential for MQTT 5 enhanced authentication.
 *
 * @param scram null when the user cannot log in with SCRAM
 */
public record PasswordEntry(String username, Pbkdf2Hash password, ScramCredential scram) {

    public PasswordEntry {
        Objects.requireNonNull(password, "password");
        if (username == null || username.isEmpty() || username.indexOf(':') >= 0
                || username.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("user name must be non-empty, without ':' or control characters");
        }
    }
}
