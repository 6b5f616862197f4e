package dev.tern.adapters.tcp;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import java.net.InetSocketAddress;

/**
 * The lifecycle of a {@link NettyTcpServer}: not yet started, listening, or stopped for good.
 *
 * <p>Threading: immutable values; the server swaps them under its own lock.
 */
sealed interface ServerState {

    record Idle() implements ServerState {
    }

    record Running(EventLoopGroup acceptorGroup, EventLoopGroup ioGroup, Channel listener,
                   ChannelGroup connections) implements ServerState {

        int boundPort() {
            return ((InetSocketAddress) listener.localAddress()).getPort();
        }
    }

    record Stopped() implements ServerState {
    }
}
