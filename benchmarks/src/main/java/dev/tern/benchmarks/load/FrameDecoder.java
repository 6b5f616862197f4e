package dev.tern.benchmarks.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the broker's byte stream into MQTT packets and decodes just the headers the load
 * generator needs (CONNACK, SUBACK, PUBLISH, PUBACK), reading straight from the cumulation buffer
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
            case 9 -> listener.onSuback(in.getUnsignedShort(body),
                    in.getUnsignedByte(v5 ? PropertySection.end(in, body + 2) : body + 2));
            // A v5 PUBACK may go on with a reason code and properties: not read, since a message
            // the broker refused shows up as lost anyway.
            case 4 -> listener.onPuback(in.getUnsignedShort(body));
            case 3 -> publish(firstByte, in, body, length);
            default -> {
                // Not needed by any scenario: skipped whole by the caller.
            }
        }
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
