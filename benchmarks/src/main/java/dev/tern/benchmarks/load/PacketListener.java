package dev.tern.benchmarks.load;

import io.netty.buffer.ByteBuf;

/**
 * What the frame decoder reports for one connection. Only the packets the scenarios need are
 * decoded; anything else is skipped whole.
 *
 * <p>Threading: called on the connection's event loop only.
 */
interface PacketListener {

    void onConnack(boolean sessionPresent, int returnCode);

    /** @param firstReturnCode the return code for the first (and only) filter */
    void onSuback(int packetId, int firstReturnCode);

    /**
     * @param payload the payload bytes, readable from its reader index; valid only during the call
     */
    void onPublish(int qos, boolean dup, int packetId, ByteBuf payload);

    void onPuback(int packetId);

    void onWritable();

    void onClosed();
}
