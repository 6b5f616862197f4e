package dev.tern.e2e.raw;

/** A PUBLISH from the server; {@code packetId} is 0 at QoS 0, where the packet has none. */
public record ReceivedPublish(boolean dup, int qos, boolean retain, String topic, int packetId, String payload) {
}
