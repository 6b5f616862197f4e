package dev.tern.examples.jwt;

import dev.tern.application.port.plugin.Authentication;
import dev.tern.application.port.plugin.AuthenticatorProvider;
import dev.tern.application.port.plugin.Setting;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code security.authenticator=jwt}: clients prove who they are with a signed JSON Web Token,
 * either as the CONNECT password or, in MQTT 5, as the Authentication Data of the enhanced
 * authentication method {@code JWT}. The user name is a claim of the token ({@code sub} unless
 * {@code username-claim} says otherwise).
 *
 * <p>Keys come from exactly one of {@code secret-file} (HS256/384/512), {@code public-key-file}
 * (a PEM public key or certificate: RSA for RS/PS, EC for ES on its curve) or {@code jwks-file}
 * (a JWK set). Only the algorithms those keys support are accepted, so {@code alg: none} and an
 * HMAC token made with a public key as its secret are refused. The files are read once, at start.
 */
public final class JwtAuthenticatorProvider implements AuthenticatorProvider<JwtAuthenticatorProvider.Settings> {

    /** The Authentication Method of the enhanced (MQTT 5 AUTH) form. */
    public static final String METHOD = "JWT";

    public record Settings(
            @Setting(defaultValue = "none", description = "file holding the HMAC secret (HS256/384/512), at least 32 bytes")
            Optional<Path> secretFile,
            @Setting(defaultValue = "none", description = "PEM file with the RSA or EC public key (or certificate) of the issuer")
            Optional<Path> publicKeyFile,
            @Setting(defaultValue = "none", description = "JWK set file with the issuer's keys")
            Optional<Path> jwksFile,
            @Setting(defaultValue = "none", description = "audience the token's aud must contain")
            Optional<String> audience,
            @Setting(defaultValue = "none", description = "issuer the token's iss must equal")
            Optional<String> issuer,
            @Setting(defaultValue = "sub", description = "claim that becomes the user name")
            String usernameClaim,
            @Setting(defaultValue = "60", min = 0, max = 3600, description = "seconds of clock difference tolerated on exp and nbf")
            Duration clockSkew) {

        public Settings {
            if (usernameClaim == null || usernameClaim.isBlank()) {
                throw new IllegalArgumentException("username-claim must name a claim");
            }
        }
    }

    @Override
    public String name() {
        return "jwt";
    }

    @Override
    public String description() {
        return "signed JSON Web Tokens as the password or the MQTT 5 JWT method (example plug-in)";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public Authentication create(Settings settings, Clock clock) {
        JwtVerifier verifier = new JwtVerifier(VerificationKeys.load(settings), settings.audience(), settings.issuer(),
                settings.usernameClaim(), settings.clockSkew(), clock);
        return new Authentication(new JwtAuthenticator(verifier), List.of(new JwtEnhancedAuthenticator(verifier)), null);
    }
}
