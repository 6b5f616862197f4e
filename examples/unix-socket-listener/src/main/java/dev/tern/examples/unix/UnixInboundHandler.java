package dev.tern.examples.unix;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.InboundConnection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each connection to the engine when it becomes active, then its bytes (each buffer
 * released once {@code onBytes} returns: the engine copies what it keeps), writability changes
 * and the close, exactly once.
 *
 * <p>Threading: one instance per channel, called only on its event loop, the engine's executor.
 */
final class UnixInboundHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(UnixInboundHandler.class);

    private final String listenerName;
    private final ConnectionAcceptor acceptor;
    private final String peerName;
    private final Duration closeFlushTimeout;
    private InboundConnection connection;
    private boolean closedReported;

    /** @param listenerName the listener instance's configured name, which the connection reports */
    UnixInboundHandler(String listenerName, ConnectionAcceptor acceptor, String peerName,
            Duration closeFlushTimeout) {
        this.listenerName = listenerName;
        this.acceptor = acceptor;
        this.peerName = peerName;
        this.closeFlushTimeout = closeFlushTimeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        try {
            connection = acceptor.accept(new UnixClientChannel(ctx.channel(), listenerName, peerName,
                    closeFlushTimeout));
        } catch (RuntimeException e) {
            LOG.warn("Engine refused connection {}; closing it", peerName, e);
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (connection != null && buf.isReadable()) {
                deliver(buf);
            }
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (connection != null) {
            connection.onWritabilityChanged(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null && !closedReported) {
            closedReported = true;
            connection.onClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("Connection {} failed: {}; closing it", peerName, cause.toString());
        } else {
            LOG.warn("Unexpected failure on connection {}; closing it", peerName, cause);
        }
        ctx.close();
    }

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
            ByteBuffer copy = ByteBuffer.allocate(buf.readableBytes());
            buf.getBytes(buf.readerIndex(), copy);
            connection.onBytes(copy.flip());
        }
    }
}
