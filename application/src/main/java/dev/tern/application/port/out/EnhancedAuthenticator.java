package dev.tern.application.port.out;

/**
 * One MQTT 5 enhanced authentication method (4.12), such as SCRAM-SHA-256, chosen by the
 * Authentication Method a client names in CONNECT. Each authentication, first or repeated, is one
 * {@link AuthExchange}.
 *
 * <p>Threading: {@link #begin} may be called from any thread; it and the exchange's steps run on
 * the connection's event loop, so they must not block.
 */
public interface EnhancedAuthenticator {

    /** The Authentication Method this authenticator answers to, e.g. {@code SCRAM-SHA-256}. */
    String method();

    /** Starts an exchange for a client; {@code username} is null when CONNECT had none. */
    AuthExchange begin(String clientId, String username);
}
