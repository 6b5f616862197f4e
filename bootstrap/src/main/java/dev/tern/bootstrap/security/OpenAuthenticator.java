package dev.tern.bootstrap.security;

import dev.tern.application.port.out.AuthResult;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Credentials;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The authenticator without a password file: user names are taken as given (nothing to check
 * them against), a verified certificate's CN stands for the user name when configured, and
 * clients without any name are let in unless anonymous access is switched off.
 *
 * <p>Threading: stateless; completes at once on the caller's thread.
 */
public final class OpenAuthenticator implements Authenticator {

    private final boolean allowAnonymous;
    private final boolean useIdentityAsUsername;

    public OpenAuthenticator(boolean allowAnonymous, boolean useIdentityAsUsername) {
        this.allowAnonymous = allowAnonymous;
        this.useIdentityAsUsername = useIdentityAsUsername;
    }

    @Override
    public CompletionStage<AuthResult> authenticate(Credentials credentials) {
        if (useIdentityAsUsername && credentials.certificateIdentity() != null) {
            return CompletableFuture.completedFuture(new AuthResult.Allowed(credentials.certificateIdentity()));
        }
        if (credentials.username() == null && !allowAnonymous) {
            return CompletableFuture.completedFuture(
                    new AuthResult.Refused(FileAuthenticator.NOT_AUTHORIZED, "anonymous clients are not allowed"));
        }
        return CompletableFuture.completedFuture(new AuthResult.Allowed(credentials.username()));
    }
}
