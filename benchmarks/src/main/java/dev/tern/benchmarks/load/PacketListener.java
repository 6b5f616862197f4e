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
     * @param worstReturnCode the highest return code of the SUBACK, one per filter: 0x00 to 0x02
     *                        grant a QoS, 0x80 and above refuse (3.1.1 knows only 0x80)
     */
    void onSuback(int packetId, int worstReturnCode);

    void onUnsuback(int packetId);

    /**
     * @param payload the payload bytes, readable from its reader index; valid only during the call
     */
    void onPublish(int qos, boolean dup, int packetId, ByteBuf payload);

    /** @param reasonCode 0 in 3.1.1 and in a short MQTT 5 PUBACK; see {@link #refuses} */
    void onPuback(int packetId, int reasonCode);

    /** @param reasonCode as for {@link #onPuback}; a refusing PUBREC ends the QoS 2 flow (4.3.3) */
    void onPubrec(int packetId, int reasonCode);

    void onPubrel(int packetId);

    void onPubcomp(int packetId);

    void onWritable();

    void onClosed();

    /**
     * Whether an MQTT 5 PUBACK or PUBREC reason code says the broker refused the message (0x80 and
     * above, 2.4): it will never be delivered, so it is counted as refused, not as lost.
     */
    static boolean refuses(int reasonCode) {
        return reasonCode >= 0x80;
    }
}
