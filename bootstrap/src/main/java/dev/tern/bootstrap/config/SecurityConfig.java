package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.util.Objects;

/**
 * Which providers decide who may connect and what they may do: the {@code security.*} settings
 * that belong to no provider. Each provider's own settings are under {@code security.<name>.*}.
 */
public record SecurityConfig(
        @Setting(defaultValue = "file", description =
                "authenticator provider: file (the password file; nobody checked without one) or a plug-in's")
        String authenticator,
        @Setting(defaultValue = "acl", description =
                "authorizer provider: acl (the ACL file; everything allowed without one) or a plug-in's")
        String authorizer) {

    public SecurityConfig {
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(authorizer, "authorizer");
    }
}
