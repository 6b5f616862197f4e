package dev.tern.e2e.security;

import dev.tern.application.port.out.AuthResult;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The README's worked example of a custom adapter chosen by configuration
 * ({@code security.authenticator=dev.tern.e2e.security.OneTimeCodeAuthenticator}): a client is let
 * in when its password is the user name reversed. Real adapters would ask a directory or a token
 * service, asynchronously.
 */
public final class OneTimeCodeAuthenticator implements Authenticator {

    private final Map<String, String> settings;

    public OneTimeCodeAuthenticator(Map<String, String> settings) {
        this.settings = settings;
    }

    @Override
    public CompletionStage<AuthResult> authenticate(Credentials credentials) {
        String expected = credentials.username() == null ? null
                : new StringBuilder(credentials.username()).reverse().toString();
        boolean matches = expected != null && credentials.password() != null
                && expected.equals(new String(credentials.password(), StandardCharsets.UTF_8));
        return CompletableFuture.completedFuture(matches
                ? new AuthResult.Allowed(credentials.username())
                : new AuthResult.Refused(0x86, "code does not match (anonymous allowed setting: "
                        + settings.get("allow-anonymous") + ")"));
    }
}
