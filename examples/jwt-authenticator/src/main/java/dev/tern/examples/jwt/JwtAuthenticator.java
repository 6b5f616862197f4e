package dev.tern.examples.jwt;

import dev.tern.application.port.out.AuthResult;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The token as the CONNECT password. CONNECT's user name is not checked: the token's claim is the
 * identity (a client must still send one with MQTT 3.1.1, which allows no password without it).
 */
final class JwtAuthenticator implements Authenticator {

    /** MQTT 5 "Bad User Name or Password". */
    static final int BAD_USER_NAME_OR_PASSWORD = 0x86;

    private final JwtVerifier verifier;

    JwtAuthenticator(JwtVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public CompletionStage<AuthResult> authenticate(Credentials credentials) {
        if (credentials.password() == null) {
            return CompletableFuture.completedFuture(
                    new AuthResult.Refused(BAD_USER_NAME_OR_PASSWORD, "no token in the password"));
        }
        JwtVerifier.Verdict verdict = verifier.verify(new String(credentials.password(), StandardCharsets.UTF_8));
        AuthResult result = verdict instanceof JwtVerifier.Verdict.Valid valid
                ? new AuthResult.Allowed(valid.username())
                : new AuthResult.Refused(BAD_USER_NAME_OR_PASSWORD,
                        "invalid JWT: " + ((JwtVerifier.Verdict.Invalid) verdict).reason());
        return CompletableFuture.completedFuture(result);
    }
}
