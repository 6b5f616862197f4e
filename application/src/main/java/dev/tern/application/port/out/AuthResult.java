package dev.tern.application.port.out;

/** The verdict of an {@link Authenticator}. Refusals are values, not exceptions. */
public sealed interface AuthResult {

    /** Accepted; {@code username} is the identity later checks use (may differ from CONNECT's). */
    record Allowed(String username) implements AuthResult {
    }

    /**
     * Refused with an MQTT 5 reason code: 0x86 bad user name or password, 0x87 not authorized, or
     * 0x8A banned. The engine maps them to 3.1.1 return codes. {@code reason} is for the log only.
     */
    record Refused(int reasonCode, String reason) implements AuthResult {
    }
}
