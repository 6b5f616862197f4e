package dev.tern.adapters.tcp;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.ConnectionSlot;
import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.CloseLimits;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last inbound handler of a connection: hands the channel to the engine when it becomes
 * active, then feeds it bytes, writability changes and the close.
 *
 * <p>Each {@link ByteBuf} is released as soon as {@code onBytes} returns: the engine copies
 * whatever it keeps, so no Netty buffer (or reference count) leaks into the application.
 *
 * <p>Failures never reach the peer as anything but a closed connection. I/O errors (a reset, a
 * broken pipe) are the network's everyday business and are logged as one DEBUG line; anything
 * else is a bug on our side and is logged with its stack trace.
 *
 * <p>Threading: one instance per channel, called only on that channel's event loop, which is also
 * the engine's executor for the connection, so no hop and no locking.
 */
final class InboundBytesHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(InboundBytesHandler.class);

    private final String listenerName;
    private final ConnectionAcceptor acceptor;
    private final CloseLimits closeLimits;
    private final ConnectionSlot slot;
    private NettyClientChannel clientChannel;
    private InboundConnection connection;
    private boolean closedReported;

    /**
     * @param listenerName the listener instance's name, which the connection reports
     * @param closeLimits how an engine-initiated close ends the connection
     * @param slot the connection's place under the listener's limits, given back when the channel closes
     */
    InboundBytesHandler(String listenerName, ConnectionAcceptor acceptor, CloseLimits closeLimits,
            ConnectionSlot slot) {
        this.listenerName = listenerName;
        this.acceptor = acceptor;
        this.closeLimits = closeLimits;
        this.slot = slot;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        clientChannel = new NettyClientChannel(ctx.channel(), listenerName, closeLimits);
        try {
            connection = acceptor.accept(clientChannel);
        } catch (RuntimeException e) {
            LOG.warn("Engine refused connection {}; closing it", clientChannel.remoteAddress(), e);
            ctx.close();
            return;
        }
        LOG.debug("Connection {} accepted", clientChannel.remoteAddress());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            // Once the engine has closed the connection, input still in the pipeline is not for it.
            if (connection != null && buf.isReadable() && !clientChannel.closing()) {
                deliver(buf);
            }
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (connection != null && !closedReported) {
            connection.onWritabilityChanged(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    /**
     * The engine's close has reached its drain: the connection is over for the engine, though its
     * socket lingers.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == GracefulClose.ENDED) {
            reportClosed();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        slot.release();
        reportClosed();
        ctx.fireChannelInactive();
    }

    private void reportClosed() {
        if (connection != null && !closedReported) {
            closedReported = true;
            LOG.debug("Connection {} closed", clientChannel.remoteAddress());
            connection.onClosed();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String peer = clientChannel != null
                ? clientChannel.remoteAddress()
                : String.valueOf(ctx.channel().remoteAddress());
        if (cause instanceof IOException) {
            LOG.debug("Connection {} failed: {}; closing it", peer, cause.toString());
        } else {
            LOG.warn("Unexpected failure on connection {}; closing it", peer, cause);
        }
        ctx.close();
    }

    /**
     * A buffer may be backed by several memory regions (a composite); the engine reassembles
     * packets across calls, so each region is handed over in order as its own call.
     */
    private void deliver(ByteBuf buf) {
        int regions = buf.nioBufferCount();
        if (regions == 1) {
            connection.onBytes(buf.nioBuffer());
        } else if (regions > 1) {
            for (ByteBuffer region : buf.nioBuffers()) {
                if (region.hasRemaining()) {
                    connection.onBytes(region);
                }
            }
        } else {
            // No NIO view of this memory: one copy is the only way to hand it over.
            ByteBuffer copy = ByteBuffer.allocate(buf.readableBytes());
            buf.getBytes(buf.readerIndex(), copy);
            connection.onBytes(copy.flip());
        }
    }
}
