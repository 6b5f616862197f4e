package dev.tern.adapters.tcp;

import dev.tern.application.port.out.CloseLimits;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a connection the engine closed, once everything it wrote has reached the socket:
 * TLS sends its close_notify, the output is half-closed (the peer reads an end of stream after the
 * last packet), and input is read and discarded until the peer closes its side, or the drain time
 * or byte budget of {@link CloseLimits} runs out; then the socket closes. The discarding happens in
 * a handler placed first in the pipeline, so that nothing the peer sends from then on reaches TLS
 * or the engine.
 *
 * <p>{@link #ENDED} travels up the pipeline when the drain begins: the engine may forget the
 * connection then, although its socket lingers for the drain.
 *
 * <p>Threading: {@link #begin} runs on the channel's event loop, and so does the handler.
 */
final class GracefulClose {

    /** User event: the drain has begun; the connection is over for the engine. */
    static final Object ENDED = new Object() {
        @Override
        public String toString() {
            return "GracefulClose.ENDED";
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(GracefulClose.class);
    private static final String HANDLER_NAME = "graceful-close";

    private GracefulClose() {
    }

    static void begin(Channel channel, CloseLimits limits) {
        if (!channel.isActive()) {
            return;
        }
        channel.pipeline().addFirst(HANDLER_NAME, new DiscardInput(limits.drainBytes()));
        ScheduledFuture<?> deadline = channel.eventLoop().schedule(() -> {
            LOG.debug("Connection {} still open {} ms after the close began; closing it", channel.remoteAddress(),
                    limits.drainTime().toMillis());
            channel.close();
        }, limits.drainTime().toMillis(), TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> deadline.cancel(false));
        // A task of its own: this may run inside the engine's own close() call, which must not be re-entered.
        channel.eventLoop().execute(() -> channel.pipeline().fireUserEventTriggered(ENDED));
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        if (tls == null) {
            shutdownOutput(channel);
        } else {
            tls.closeOutbound().addListener(sent -> shutdownOutput(channel));
        }
        channel.config().setAutoRead(true);
        channel.read();
    }

    private static void shutdownOutput(Channel channel) {
        if (channel instanceof DuplexChannel duplex && channel.isActive()) {
            duplex.shutdownOutput().addListener(done -> {
                if (!done.isSuccess()) {
                    channel.close();
                }
            });
        } else {
            channel.close();
        }
    }

    /**
     * Throws away what the peer sends, counting it against the budget. The peer's end of stream
     * closes the channel (half-closure is not allowed on these channels), which ends the drain.
     */
    private static final class DiscardInput extends ChannelInboundHandlerAdapter {

        private long budget;

        DiscardInput(long budget) {
            this.budget = budget;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf buf) {
                budget -= buf.readableBytes();
            }
            ReferenceCountUtil.release(msg);
            if (budget < 0 && ctx.channel().isOpen()) {
                LOG.debug("Connection {} kept sending after the close began; closing it",
                        ctx.channel().remoteAddress());
                ctx.close();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            // Nothing was passed on, so there is nothing to complete further up.
        }
    }
}
