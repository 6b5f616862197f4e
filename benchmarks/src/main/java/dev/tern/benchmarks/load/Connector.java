package dev.tern.benchmarks.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens MQTT connections of one protocol version to a broker on a small event loop group
 * (epoll where available): to one address, or to another node of the same broker (a cluster) when
 * asked. With more than one source address, connections are bound round-robin
 * to 127.0.0.1, 127.0.0.2, ... so that many thousands of connections do not exhaust the ephemeral
 * ports of one address.
 *
 * <p>Threading: {@link #connect} may be called from any thread.
 */
final class Connector implements AutoCloseable {

    private final InetSocketAddress broker;
    private final MqttVersion version;
    private final int sourceAddresses;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final AtomicInteger next = new AtomicInteger();

    Connector(String host, int port, MqttVersion version, int threads, int sourceAddresses) {
        this.broker = new InetSocketAddress(host, port);
        this.version = version;
        this.sourceAddresses = sourceAddresses;
        boolean epoll = Epoll.isAvailable();
        this.group = new MultiThreadIoEventLoopGroup(threads,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 512 * 1024));
    }

    /** Connects and sends CONNECT; the client's {@link LoadClient#connected()} completes on CONNACK. */
    LoadClient connect(String clientId, boolean cleanSession, Traffic traffic) {
        return connect(broker.getPort(), clientId, cleanSession, traffic);
    }

    /** As {@link #connect(String, boolean, Traffic)}, to the broker's host on another port (another node). */
    LoadClient connect(int port, String clientId, boolean cleanSession, Traffic traffic) {
        InetSocketAddress target = port == broker.getPort() ? broker : new InetSocketAddress(broker.getAddress(), port);
        LoadClient client = new LoadClient(clientId, version, traffic);
        byte[] connect = MqttFrames.connect(version, clientId, cleanSession, 0);
        Bootstrap connecting = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(new FrameDecoder(client, version));
            }
        });
        ChannelFuture future = sourceAddresses > 1
                ? connecting.connect(target, new InetSocketAddress(sourceAddress(), 0))
                : connecting.connect(target);
        future.addListener(done -> {
            if (done.isSuccess()) {
                client.start(future.channel(), connect);
            } else {
                client.connected().completeExceptionally(done.cause());
            }
        });
        return client;
    }

    private String sourceAddress() {
        return "127.0.0." + (1 + Math.floorMod(next.getAndIncrement(), sourceAddresses));
    }

    /** Runs {@code task} on the given client's event loop and waits for it. */
    static <T> T onLoop(LoadClient client, java.util.concurrent.Callable<T> task) throws Exception {
        return client.channel().eventLoop().submit(task).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    static CompletableFuture<Void> all(java.util.Collection<LoadClient> clients) {
        return CompletableFuture.allOf(clients.stream().map(LoadClient::connected).toArray(CompletableFuture[]::new));
    }
}
