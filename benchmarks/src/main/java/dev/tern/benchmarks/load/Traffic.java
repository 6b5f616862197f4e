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

    default void onPuback(int packetId) {
    }

    default void onWritable() {
    }
}
