package dev.tern.benchmarks.load;

import io.netty.buffer.ByteBuf;

/**
 * What the frame decoder reports for one connection. Only the packets the scenarios need are
 * decoded; anything else is skipped whole.
 *
 * <p>Threading: called on the connection's event loop only.
 */
interface PacketListener {

    /**
     * @param returnCode     the 3.1.1 return code or MQTT 5 reason code; 0 is success in both
     * @param receiveMaximum QoS 1 PUBLISHes the broker accepts unacknowledged (65,535 in 3.1.1)
     */
    void onConnack(boolean sessionPresent, int returnCode, int receiveMaximum);

    /**
     * @param firstReturnCode the return code for the first (and only) filter: 0x00 to 0x02 grant a
     *                        QoS, 0x80 and above refuse (3.1.1 knows only 0x80)
     */
    void onSuback(int packetId, int firstReturnCode);

    /**
     * @param payload the payload bytes, readable from its reader index; valid only during the call
     */
    void onPublish(int qos, boolean dup, int packetId, ByteBuf payload);

    void onPuback(int packetId);

    void onWritable();

    void onClosed();
}
