package dev.tern.application.port.in.admin;

/** @param publisherId the client that published it; empty for the broker's own */
public record RetainedView(String topic, byte[] payload, int qos, String publisherId) {
}
