package dev.tern.bootstrap.security;

import dev.tern.application.port.plugin.Setting;
import dev.tern.bootstrap.config.AutoSwitch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The {@code security.file.*} settings: the password file and what goes with it. */
public record FileAuthenticatorSettings(
        @Setting(defaultValue = "none",
                description = "users and password hashes, written by tern passwd; re-read when it changes")
        Optional<Path> passwordFile,
        @Setting(defaultValue = "auto",
                description = "clients without user name: auto = allowed only while there is no password file")
        AutoSwitch allowAnonymous,
        @Setting(defaultValue = "false",
                description = "a verified TLS client certificate's CN is the user name (no password needed)")
        boolean useIdentityAsUsername,
        @Setting(defaultValue = "auto",
                description = "offer MQTT 5 SCRAM-SHA-256 authentication; auto = when there is a password file")
        AutoSwitch scram,
        @Setting(name = "brute-force.max-failures", defaultValue = "5", min = 0, max = 1_000_000,
                description = "failed logins per host or client id before a ban; 0 = never ban")
        int bruteForceMaxFailures,
        @Setting(name = "brute-force.ban-seconds", defaultValue = "60", min = 1, max = 86_400,
                description = "how long a ban lasts")
        Duration banDuration) {

    public FileAuthenticatorSettings {
        Objects.requireNonNull(passwordFile, "passwordFile");
        Objects.requireNonNull(allowAnonymous, "allowAnonymous");
        Objects.requireNonNull(scram, "scram");
        Objects.requireNonNull(banDuration, "banDuration");
        if (scram == AutoSwitch.TRUE && passwordFile.isEmpty()) {
            throw new IllegalArgumentException("scram=true needs password-file");
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
