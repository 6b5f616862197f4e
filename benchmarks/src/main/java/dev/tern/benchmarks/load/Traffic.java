package dev.tern.benchmarks.load;

import io.netty.buffer.ByteBuf;

/**
 * The role a connection plays once connected: publisher, receiver, or nothing (idle).
 *
 * <p>Threading: every method runs on the connection's event loop.
 */
interface Traffic {

    Traffic IDLE = new Traffic() {
    };

    /** A PUBLISH arrived; any PUBACK it needs has already been written. */
    default void onMessage(ByteBuf payload, boolean dup) {
    }

    /** A PUBACK, or the PUBCOMP that ends a QoS 2 flow (reason 0), or a PUBREC that refused it. */
    default void onAcknowledged(int packetId, int reasonCode) {
    }

    /** A PUBREC that accepted a QoS 2 PUBLISH: the PUBREL is the publisher's to send. */
    default void onReceived(int packetId) {
    }

    /** @param worstReturnCode the highest return code of the SUBACK */
    default void onSuback(int packetId, int worstReturnCode) {
    }

    default void onUnsuback(int packetId) {
    }

    default void onWritable() {
    }
}
