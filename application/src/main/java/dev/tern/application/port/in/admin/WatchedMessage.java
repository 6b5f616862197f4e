package dev.tern.application.port.in.admin;

import java.time.Instant;

/**
 * A message a watch received.
 *
 * @param payload the bytes as received; callers must not change them
 * @param at      when the watch received it
 */
public record WatchedMessage(String topic, int qos, boolean retain, byte[] payload, Instant at) {
}
