package dev.tern.adapters.tcp;

import dev.tern.application.port.in.ConnectionSlot;
import dev.tern.application.port.in.InboundConnection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a connection: hands the channel to the engine when it becomes active, then
 * feeds it bytes, writability changes and the close; and holds the engine's flushes during a read.
 *
 * <p>Each {@link ByteBuf} is released as soon as {@code onBytes} returns: the engine copies
 * whatever it keeps, so no Netty buffer (or reference count) leaks into the application.
 *
 * <p>Flushes during a read: the engine flushes once per batch of work, and while reading a batch
 * is one {@code onBytes} call. A single read loop of the event loop can deliver several buffers (a
 * client pipelining many PUBLISHes), which would be one flush, one syscall, each. So a flush
 * issued between the first {@code channelRead} and {@code channelReadComplete} is held until
 * {@code channelReadComplete} (or the {@value #MAX_DEFERRED_FLUSHES}th held one, so that a huge
 * burst still streams out), and such a burst leaves in one syscall. Flushes issued outside a read
 * (deliveries arriving from other sessions' loops) pass straight through, so latency does not
 * depend on the peer sending more. Held flushes go out before a close, a disconnect or a failure
 * is passed on, and when the channel becomes unwritable. This is Netty's {@code
 * FlushConsolidationHandler} without consolidation outside reads, kept in this handler's fields
 * instead of a handler and pipeline context of its own per connection.
 *
 * <p>Failures never reach the peer as anything but a closed connection. I/O errors (a reset, a
 * broken pipe) are the network's everyday business and are logged as one DEBUG line; anything
 * else is a bug on our side and is logged with its stack trace.
 *
 * <p>Threading: one instance per channel, called only on that channel's event loop, which is also
 * the engine's executor for the connection, so no hop and no locking.
 */
final class InboundBytesHandler extends ChannelDuplexHandler {

    /** Bound on held flushes during one long read. */
    static final int MAX_DEFERRED_FLUSHES = 256;
    private static final Logger LOG = LoggerFactory.getLogger(InboundBytesHandler.class);

    private final ConnectionScope scope;
    private final ConnectionSlot slot;
    private NettyClientChannel clientChannel;
    private InboundConnection connection;
    private boolean closedReported;
    private boolean reading;
    private int heldFlushes;

    /** @param slot the connection's place under the listener's limits, given back when the channel closes */
    InboundBytesHandler(ConnectionScope scope, ConnectionSlot slot) {
        this.scope = scope;
        this.slot = slot;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        clientChannel = new NettyClientChannel(ctx.channel(), scope);
        try {
            connection = scope.acceptor().accept(clientChannel);
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
        reading = true;
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            // Once the engine has closed the connection, input still in the pipeline is not for it.
            if (connection != null && buf.isReadable() && !clientChannel.closing()) {
                deliver(buf);
                FairReads.awaiting(connection.bytesAwaited());
            }
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        readEnded(ctx);
        ctx.fireChannelReadComplete();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (!reading) {
            flushNow(ctx);
        } else if (++heldFlushes == MAX_DEFERRED_FLUSHES) {
            flushNow(ctx);
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        readEnded(ctx);
        ctx.close(promise);
    }

    @Override
    public void disconnect(ChannelHandlerContext ctx, ChannelPromise promise) {
        readEnded(ctx);
        ctx.disconnect(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        flushHeld(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        boolean writable = ctx.channel().isWritable();
        if (!writable) {
            // What is held must reach the socket, or the outbound buffer never drains.
            flushHeld(ctx);
        }
        if (connection != null && !closedReported) {
            connection.onWritabilityChanged(writable);
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
        if (clientChannel != null) {
            clientChannel.closed();
        }
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
        readEnded(ctx);
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

    private void readEnded(ChannelHandlerContext ctx) {
        reading = false;
        flushHeld(ctx);
    }

    private void flushHeld(ChannelHandlerContext ctx) {
        if (heldFlushes > 0) {
            flushNow(ctx);
        }
    }

    private void flushNow(ChannelHandlerContext ctx) {
        heldFlushes = 0;
        ctx.flush();
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
