package dev.tern.benchmarks.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the broker's byte stream into MQTT packets and decodes just the headers the load
 * generator needs (CONNACK, SUBACK, UNSUBACK, PUBLISH and the acknowledgements of QoS 1 and 2), reading
 * straight from the cumulation buffer
 * without copying. In MQTT 5 the property sections are skipped in place, so a message costs no
 * more than in 3.1.1. Writes made by listeners during a read are flushed once per read burst.
 *
 * <p>Threading: one instance per channel, on its event loop.
 */
final class FrameDecoder extends ByteToMessageDecoder {

    private final PacketListener listener;
    private final boolean v5;

    FrameDecoder(PacketListener listener, MqttVersion version) {
        this.listener = listener;
        this.v5 = version.isV5();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 2) {
            int start = in.readerIndex();
            int remaining = 0;
            int multiplier = 1;
            int index = start + 1;
            int digit;
            do {
                if (index >= in.writerIndex()) {
                    return;
                }
                digit = in.getUnsignedByte(index++);
                remaining += (digit & 0x7F) * multiplier;
                multiplier *= 128;
            } while ((digit & 0x80) != 0);
            if (in.writerIndex() - index < remaining) {
                return;
            }
            dispatch(in.getUnsignedByte(start), in, index, remaining);
            in.readerIndex(index + remaining);
        }
    }

    private void dispatch(int firstByte, ByteBuf in, int body, int length) {
        switch (firstByte >>> 4) {
            case 2 -> connack(in, body, length);
            case 9 -> suback(in, body, length);
            case 4 -> listener.onPuback(in.getUnsignedShort(body), reasonCode(in, body, length));
            case 5 -> listener.onPubrec(in.getUnsignedShort(body), reasonCode(in, body, length));
            case 6 -> listener.onPubrel(in.getUnsignedShort(body));
            case 7 -> listener.onPubcomp(in.getUnsignedShort(body));
            case 11 -> listener.onUnsuback(in.getUnsignedShort(body));
            case 3 -> publish(firstByte, in, body, length);
            default -> {
                // Not needed by any scenario: skipped whole by the caller.
            }
        }
    }

    /**
     * The reason code of an MQTT 5 PUBACK or PUBREC: absent (remaining length 2) means 0x00,
     * success (3.4.2.1, 3.5.2.1); a 3.1.1 acknowledgement never has one. Properties after it are not read.
     */
    private int reasonCode(ByteBuf in, int body, int length) {
        return v5 && length > 2 ? in.getUnsignedByte(body + 2) : 0;
    }

    /** A SUBACK carries a return code per filter; the highest one is reported, so any refusal shows. */
    private void suback(ByteBuf in, int body, int length) {
        int worst = 0;
        for (int i = v5 ? PropertySection.end(in, body + 2) : body + 2; i < body + length; i++) {
            worst = Math.max(worst, in.getUnsignedByte(i));
        }
        listener.onSuback(in.getUnsignedShort(body), worst);
    }

    /**
     * A v5 CONNACK carries properties after the reason code; a broker that does not speak MQTT 5
     * may answer with a 3.1.1 CONNACK of two bytes (return code 1), which then has none.
     */
    private void connack(ByteBuf in, int body, int length) {
        int receiveMaximum = v5 && length > 2
                ? PropertySection.receiveMaximum(in, body + 2) : PropertySection.NO_RECEIVE_MAXIMUM;
        listener.onConnack((in.getByte(body) & 1) != 0, in.getUnsignedByte(body + 1), receiveMaximum);
    }

    private void publish(int firstByte, ByteBuf in, int body, int length) {
        int qos = (firstByte >>> 1) & 3;
        int topicLength = in.getUnsignedShort(body);
        int cursor = body + 2 + topicLength;
        int packetId = 0;
        if (qos > 0) {
            packetId = in.getUnsignedShort(cursor);
            cursor += 2;
        }
        if (v5) {
            cursor = PropertySection.end(in, cursor);
        }
        ByteBuf payload = in.slice(cursor, body + length - cursor);
        listener.onPublish(qos, (firstByte & 0x08) != 0, packetId, payload);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        ctx.flush();
        super.channelReadComplete(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            listener.onWritable();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        listener.onClosed();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
