package dev.tern.adapters.tcp;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The I/O flavour a listener runs on: native epoll where available and wanted, NIO otherwise.
 * The handler factory and the server channel class must match, so they are chosen together.
 *
 * <p>Threading: immutable.
 */
record NettyTransport(String name, IoHandlerFactory ioHandlerFactory,
                      Class<? extends ServerChannel> serverChannelClass) {

    static NettyTransport select(boolean preferEpoll) {
        if (preferEpoll && Epoll.isAvailable()) {
            return new NettyTransport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
        }
        return new NettyTransport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
    }
}
