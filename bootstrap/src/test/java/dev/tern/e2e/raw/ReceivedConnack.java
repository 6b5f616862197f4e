package dev.tern.e2e.raw;

/** @param returnCode 0 accepted, 1 bad protocol version, 2 identifier rejected, ... */
public record ReceivedConnack(boolean sessionPresent, int returnCode) {
}
