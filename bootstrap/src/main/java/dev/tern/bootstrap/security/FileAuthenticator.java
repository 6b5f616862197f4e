package dev.tern.bootstrap.security;

import dev.tern.application.port.out.AuthResult;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Credentials;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks CONNECT user names and passwords against the password file.
 *
 * <ul>
 *   <li>A banned host or client id is refused with 0x8A (3.1.1: 0x05) before any hashing.</li>
 *   <li>With {@code useIdentityAsUsername}, a verified TLS client certificate's CN is the user
 *       name, and no password is needed.</li>
 *   <li>A client without a user name is anonymous: allowed or refused (0x87) by configuration.</li>
 *   <li>Otherwise the password is hashed on {@code verifier}, never on the event loop; an unknown
 *       user costs the same hash as a known one, so timing does not reveal which names exist.</li>
 * </ul>
 * Failures are logged with user, client id and address, never with the password.
 *
 * <p>Threading: thread-safe; {@link #authenticate} returns at once and completes on {@code verifier}.
 */
public final class FileAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(FileAuthenticator.class);

    static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
    static final int NOT_AUTHORIZED = 0x87;
    static final int BANNED = 0x8A;

    private final Supplier<Map<String, PasswordEntry>> users;
    private final boolean allowAnonymous;
    private final boolean useIdentityAsUsername;
    private final BruteForceGuard guard;
    private final Executor verifier;
    private final Pbkdf2Hash decoy = Pbkdf2Hash.create("decoy".toCharArray(), new SecureRandom(),
            Pbkdf2Hash.DEFAULT_ITERATIONS);

    public FileAuthenticator(Supplier<Map<String, PasswordEntry>> users, boolean allowAnonymous,
            boolean useIdentityAsUsername, BruteForceGuard guard, Executor verifier) {
        this.users = users;
        this.allowAnonymous = allowAnonymous;
        this.useIdentityAsUsername = useIdentityAsUsername;
        this.guard = guard;
        this.verifier = verifier;
    }

    @Override
    public CompletionStage<AuthResult> authenticate(Credentials credentials) {
        if (guard.isBanned(credentials.remoteAddress(), credentials.clientId())) {
            LOG.info("Refused login of client '{}' from {}: too many failed attempts",
                    credentials.clientId(), credentials.remoteAddress());
            return CompletableFuture.completedFuture(new AuthResult.Refused(BANNED, "banned after failed logins"));
        }
        if (useIdentityAsUsername && credentials.certificateIdentity() != null) {
            return CompletableFuture.completedFuture(new AuthResult.Allowed(credentials.certificateIdentity()));
        }
        if (credentials.username() == null) {
            return CompletableFuture.completedFuture(allowAnonymous
                    ? new AuthResult.Allowed(null)
                    : new AuthResult.Refused(NOT_AUTHORIZED, "anonymous clients are not allowed"));
        }
        try {
            return CompletableFuture.supplyAsync(() -> verify(credentials), verifier);
        } catch (RejectedExecutionException e) {
            // The broker is stopping; the engine answers "server unavailable".
            return CompletableFuture.failedFuture(e);
        }
    }

    private AuthResult verify(Credentials credentials) {
        PasswordEntry entry = users.get().get(credentials.username());
        char[] password = decode(credentials.password());
        try {
            boolean matches;
            if (entry == null || password == null) {
                // Same work as a real check, result ignored.
                decoy.matches(password == null ? new char[0] : password);
                matches = false;
            } else {
                matches = entry.password().matches(password);
            }
            if (matches) {
                guard.recordSuccess(credentials.clientId());
                return new AuthResult.Allowed(credentials.username());
            }
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        guard.recordFailure(credentials.remoteAddress(), credentials.clientId());
        LOG.info("Failed login of user '{}' (client '{}') from {}: {}", credentials.username(),
                credentials.clientId(), credentials.remoteAddress(),
                entry == null ? "unknown user" : "wrong or missing password");
        return new AuthResult.Refused(BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
    }

    /** The password as text, or null when absent or not UTF-8 (which no stored password can match). */
    private static char[] decode(byte[] password) {
        if (password == null) {
            return null;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(password));
            char[] result = new char[chars.remaining()];
            chars.get(result);
            return result;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
