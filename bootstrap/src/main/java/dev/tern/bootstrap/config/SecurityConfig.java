package dev.tern.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may connect and what they may do.
 *
 * @param authenticator {@code file} (the password file, or nobody checked without one) or the class
 *     name of a custom {@code Authenticator}
 * @param authorizer {@code acl} (the ACL file, or everything allowed without one) or the class name
 *     of a custom {@code Authorizer}
 * @param bruteForceMaxFailures failed logins per host or client id before a ban; 0 disables bans
 */
public record SecurityConfig(Optional<Path> passwordFile, Optional<Path> aclFile, AutoSwitch allowAnonymous,
        int bruteForceMaxFailures, Duration banDuration, String authenticator, String authorizer, AutoSwitch scram) {

    public static final String FILE_AUTHENTICATOR = "file";
    public static final String ACL_AUTHORIZER = "acl";

    public SecurityConfig {
        Objects.requireNonNull(passwordFile, "passwordFile");
        Objects.requireNonNull(aclFile, "aclFile");
        Objects.requireNonNull(banDuration, "banDuration");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(authorizer, "authorizer");
        if (scram == AutoSwitch.TRUE && passwordFile.isEmpty()) {
            throw new IllegalArgumentException("security.scram.enabled needs security.password-file");
        }
    }

    /** Anonymous clients are welcome by default only while there is no password file. */
    public boolean anonymousAllowed() {
        return allowAnonymous.resolve(passwordFile.isEmpty());
    }

    /** SCRAM-SHA-256 is offered by default whenever there is a password file. */
    public boolean scramEnabled() {
        return scram.resolve(passwordFile.isPresent());
    }
}
