package dev.tern.adapters.tcp;

import dev.tern.application.port.in.ListenerGate;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;

/**
 * On the listening channel: counts each accepted connection against the listener's connections per
 * second and, when the gate asks for a pause, stops accepting ({@code autoRead} off) and starts
 * again when the pause is over. Clients that connect meanwhile wait in the kernel's backlog; none
 * is refused here. The connection at hand goes on either way.
 *
 * <p>Threading: on the listening channel's (acceptor) event loop only.
 */
@ChannelHandler.Sharable
final class AcceptPacer extends ChannelInboundHandlerAdapter {

    private final ListenerGate gate;

    AcceptPacer(ListenerGate gate) {
        this.gate = gate;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object accepted) {
        long pause = gate.acceptPauseNanos();
        ChannelConfig config = ctx.channel().config();
        if (pause > 0 && config.isAutoRead()) {
            config.setAutoRead(false);
            ctx.executor().schedule(() -> {
                if (ctx.channel().isOpen()) {
                    config.setAutoRead(true);
                }
            }, pause, TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(accepted);
    }
}
