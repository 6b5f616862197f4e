package dev.tern.bootstrap.security;

import dev.tern.application.port.out.AuthExchange;
import dev.tern.application.port.out.AuthStep;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SCRAM-SHA-256 conversation: client-first (in CONNECT) is answered by server-first (nonce,
 * salt, iterations) as {@link AuthStep.Continue}; client-final (in AUTH) with a valid proof by
 * server-final ({@code v=} server signature) as {@link AuthStep.Success}; anything else ends in
 * {@link AuthStep.Failure} 0x86. An unknown user gets a believable challenge and fails only at the
 * proof, so the exchange does not reveal which user names exist.
 *
 * <p>Threading: confined to the connection's event loop; steps never overlap.
 */
final class ScramExchange implements AuthExchange {

    private static final Logger LOG = LoggerFactory.getLogger(ScramExchange.class);
    private static final int NONCE_BYTES = 18;

    private final String clientId;
    private final String connectUsername;
    private final Map<String, PasswordEntry> users;
    private final BruteForceGuard guard;
    private final SecureRandom random;
    private final byte[] decoySecret;
    private ScramMessages.ClientFirst first;
    private String serverFirst;
    private ScramCredential credential;
    private boolean finished;

    ScramExchange(String clientId, String connectUsername, Map<String, PasswordEntry> users, BruteForceGuard guard,
            SecureRandom random, byte[] decoySecret) {
        this.clientId = clientId;
        this.connectUsername = connectUsername;
        this.users = users;
        this.guard = guard;
        this.random = random;
        this.decoySecret = decoySecret;
    }

    @Override
    public AuthStep step(byte[] clientData) {
        if (finished) {
            return fail("exchange already finished");
        }
        if (guard.isBanned(null, clientId)) {
            finished = true;
            return new AuthStep.Failure(FileAuthenticator.BANNED, "banned after failed logins");
        }
        if (clientData == null) {
            return fail("no authentication data");
        }
        String message = new String(clientData, StandardCharsets.UTF_8);
        try {
            return first == null ? onClientFirst(message) : onClientFinal(message);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
    }

    private AuthStep onClientFirst(String message) {
        first = ScramMessages.clientFirst(message);
        if (connectUsername == null || !connectUsername.equals(first.username())) {
            return fail("CONNECT User Name must be the SCRAM user");
        }
        PasswordEntry entry = users.get(first.username());
        credential = entry != null && entry.scram() != null ? entry.scram() : decoy(first.username());
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        serverFirst = "r=" + first.nonce() + Base64.getEncoder().encodeToString(nonce)
                + ",s=" + Base64.getEncoder().encodeToString(credential.salt()) + ",i=" + credential.iterations();
        return new AuthStep.Continue(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private AuthStep onClientFinal(String message) {
        finished = true;
        ScramMessages.ClientFinal last = ScramMessages.clientFinal(message);
        String expectedBinding = Base64.getEncoder().encodeToString(first.gs2Header().getBytes(StandardCharsets.UTF_8));
        if (!expectedBinding.equals(last.channelBinding()) || !serverFirst.startsWith("r=" + last.nonce() + ",")) {
            return fail("channel binding or nonce mismatch");
        }
        byte[] authMessage = (first.bare() + "," + serverFirst + "," + last.withoutProof())
                .getBytes(StandardCharsets.UTF_8);
        byte[] proof = Base64.getDecoder().decode(last.proof());
        byte[] clientSignature = ScramCredential.hmac(credential.storedKey(), authMessage);
        if (proof.length != clientSignature.length) {
            return fail("wrong proof length");
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!MessageDigest.isEqual(ScramCredential.sha256(clientKey), credential.storedKey())) {
            return fail("wrong password or unknown user");
        }
        guard.recordSuccess(clientId);
        byte[] serverSignature = ScramCredential.hmac(credential.serverKey(), authMessage);
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
        return new AuthStep.Success(serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    private AuthStep fail(String reason) {
        finished = true;
        guard.recordFailure(null, clientId);
        LOG.info("Failed SCRAM-SHA-256 login of user '{}' (client '{}'): {}",
                first == null ? connectUsername : first.username(), clientId, reason);
        return new AuthStep.Failure(FileAuthenticator.BAD_USER_NAME_OR_PASSWORD, reason);
    }

    /** A credential no password matches, with a salt that is the same every time this user is tried. */
    private ScramCredential decoy(String username) {
        byte[] salt = Arrays.copyOf(ScramCredential.hmac(decoySecret, username), 16);
        byte[] impossible = new byte[32];
        random.nextBytes(impossible);
        return new ScramCredential(ScramCredential.DEFAULT_ITERATIONS, salt, impossible, impossible);
    }
}
