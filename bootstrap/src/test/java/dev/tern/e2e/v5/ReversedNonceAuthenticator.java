package dev.tern.e2e.v5;

import dev.tern.application.port.out.AuthExchange;
import dev.tern.application.port.out.AuthStep;
import dev.tern.application.port.out.EnhancedAuthenticator;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Method {@code TEST-CHALLENGE}: the server sends a nonce, the client must answer with the nonce
 * reversed. A wrong answer fails with 0x87 (Not authorized).
 *
 * <p>Threading: thread-safe; each exchange is confined to one connection.
 */
final class ReversedNonceAuthenticator implements EnhancedAuthenticator {

    static final String METHOD = "TEST-CHALLENGE";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public AuthExchange begin(String clientId, String username) {
        String nonce = UUID.randomUUID().toString();
        return new AuthExchange() {
            private boolean challenged;

            @Override
            public AuthStep step(byte[] clientData) {
                if (!challenged) {
                    challenged = true;
                    return new AuthStep.Continue(bytes(nonce));
                }
                String expected = new StringBuilder(nonce).reverse().toString();
                if (clientData != null && expected.equals(new String(clientData, StandardCharsets.UTF_8))) {
                    return new AuthStep.Success(bytes("welcome"));
                }
                return new AuthStep.Failure(0x87, "wrong answer to the challenge");
            }
        };
    }

    static byte[] answer(byte[] challenge) {
        return bytes(new StringBuilder(new String(challenge, StandardCharsets.UTF_8)).reverse().toString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
