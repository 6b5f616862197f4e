package dev.tern.application.port.out;

/** The authenticator's answer to one step of an exchange. Errors are values, not exceptions. */
public sealed interface AuthStep {

    /** Send the client this challenge and wait for its next AUTH (reason 0x18). */
    record Continue(byte[] serverData) implements AuthStep {
    }

    /** Authenticated; {@code serverData} (may be null) goes into the CONNACK or final AUTH. */
    record Success(byte[] serverData) implements AuthStep {
    }

    /**
     * Refused with an MQTT 5 reason code, usually 0x86 (bad user name or password) or 0x87 (not
     * authorized); {@code reason} is for the log, never for the client.
     */
    record Failure(int reasonCode, String reason) implements AuthStep {
    }
}
