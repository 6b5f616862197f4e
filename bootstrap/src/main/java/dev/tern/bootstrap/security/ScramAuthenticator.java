package dev.tern.bootstrap.security;

import dev.tern.application.port.out.AuthExchange;
import dev.tern.application.port.out.EnhancedAuthenticator;
import java.security.SecureRandom;
import java.util.Map;
import java.util.function.Supplier;

/**
 * MQTT 5 enhanced authentication with SCRAM-SHA-256 (RFC 5802, RFC 7677) against the SCRAM
 * credentials of the password file. The CONNECT User Name is required and must be the SCRAM user:
 * the engine takes the connection's identity (for ACLs) from CONNECT, so a client proving one user
 * while naming another, or none, is refused.
 *
 * <p>Threading: thread-safe; each exchange is confined to its connection's event loop. A step costs
 * a few HMACs, never a PBKDF2 run: the iterations were paid by {@code tern passwd}.
 */
public final class ScramAuthenticator implements EnhancedAuthenticator {

    public static final String METHOD = "SCRAM-SHA-256";

    private final Supplier<Map<String, PasswordEntry>> users;
    private final BruteForceGuard guard;
    private final SecureRandom random;
    /** Keys the fake salt of unknown users, so their challenge looks like a real one and stays stable. */
    private final byte[] decoySecret = new byte[32];

    public ScramAuthenticator(Supplier<Map<String, PasswordEntry>> users, BruteForceGuard guard, SecureRandom random) {
        this.users = users;
        this.guard = guard;
        this.random = random;
        random.nextBytes(decoySecret);
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public AuthExchange begin(String clientId, String username) {
        return new ScramExchange(clientId, username, users.get(), guard, random, decoySecret);
    }
}
