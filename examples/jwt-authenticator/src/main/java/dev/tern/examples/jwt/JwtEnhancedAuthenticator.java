package dev.tern.examples.jwt;

import dev.tern.application.port.out.AuthExchange;
import dev.tern.application.port.out.AuthStep;
import dev.tern.application.port.out.EnhancedAuthenticator;
import java.nio.charset.StandardCharsets;

/**
 * The MQTT 5 enhanced authentication method {@code JWT}: the token is the Authentication Data of
 * CONNECT (or of a re-authentication AUTH), answered in one step.
 *
 * <p>The port's {@link AuthStep.Success} carries no user name: the broker keeps CONNECT's. So
 * CONNECT must name the user the token's claim names, or the client is refused with 0x87; a
 * client without a user name is refused too, rather than let in anonymous.
 */
final class JwtEnhancedAuthenticator implements EnhancedAuthenticator {

    /** MQTT 5 "Not authorized". */
    static final int NOT_AUTHORIZED = 0x87;

    private final JwtVerifier verifier;

    JwtEnhancedAuthenticator(JwtVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public String method() {
        return JwtAuthenticatorProvider.METHOD;
    }

    @Override
    public AuthExchange begin(String clientId, String username) {
        return clientData -> {
            if (clientData == null) {
                return new AuthStep.Failure(JwtAuthenticator.BAD_USER_NAME_OR_PASSWORD, "no token in the authentication data");
            }
            JwtVerifier.Verdict verdict = verifier.verify(new String(clientData, StandardCharsets.UTF_8));
            if (verdict instanceof JwtVerifier.Verdict.Invalid invalid) {
                return new AuthStep.Failure(JwtAuthenticator.BAD_USER_NAME_OR_PASSWORD, "invalid JWT: " + invalid.reason());
            }
            String claimed = ((JwtVerifier.Verdict.Valid) verdict).username();
            if (!claimed.equals(username)) {
                return new AuthStep.Failure(NOT_AUTHORIZED,
                        "CONNECT user name " + username + " is not the token's " + claimed);
            }
            return new AuthStep.Success(null);
        };
    }
}
