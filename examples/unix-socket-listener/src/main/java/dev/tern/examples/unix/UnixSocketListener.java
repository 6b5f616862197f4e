package dev.tern.examples.unix;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.plugin.NetworkListener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Unix domain socket listener over Netty's epoll transport.
 *
 * <p>At start a socket file left behind by a crashed broker is removed, but only once a connect
 * to it fails: a file someone still listens on is refused, and so is a path that is not a socket.
 * The file gets its mode right after bind and is removed at stop.
 *
 * <p>Threading: start and stop from a lifecycle thread, never from an event loop; address and
 * port from any thread.
 */
final class UnixSocketListener implements NetworkListener {

    private static final Logger LOG = LoggerFactory.getLogger(UnixSocketListener.class);
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;
    private static final Duration CLOSE_FLUSH_TIMEOUT = Duration.ofSeconds(5);
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private final String name;
    private final Path path;
    private final Set<PosixFilePermission> permissions;
    private final int ioThreads;
    private final ConnectionAcceptor acceptor;
    private final AtomicLong connectionCount = new AtomicLong();
    private EventLoopGroup group;
    private Channel server;
    private ChannelGroup connections;
    private boolean started;
    private boolean stopped;

    UnixSocketListener(String name, Path path, Set<PosixFilePermission> permissions, int ioThreads,
            ConnectionAcceptor acceptor) {
        this.name = Objects.requireNonNull(name, "name");
        this.path = path.toAbsolutePath();
        this.permissions = Set.copyOf(permissions);
        this.ioThreads = ioThreads;
        this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() throws IOException {
        if (started || stopped) {
            throw new IllegalStateException("Unix socket listener " + name + " already " + (stopped ? "stopped" : "started"));
        }
        if (!Epoll.isAvailable()) {
            throw new IOException("listeners." + name + ": MQTT over a Unix socket needs Netty's epoll transport (Linux): "
                    + Epoll.unavailabilityCause());
        }
        removeStaleSocket();
        started = true;
        group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("tern-unix-" + name),
                EpollIoHandler.newFactory());
        connections = new DefaultChannelGroup("tern-unix-" + name, GlobalEventExecutor.INSTANCE, true);
        ChannelGroup tracked = connections;
        ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(EpollServerDomainSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        tracked.add(channel);
                        String peer = path + "#" + connectionCount.incrementAndGet();
                        channel.pipeline().addLast("engine",
                                new UnixInboundHandler(name, acceptor, peer, CLOSE_FLUSH_TIMEOUT));
                    }
                })
                .bind(new DomainSocketAddress(path.toFile()))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDownGroup();
            Throwable cause = bound.cause();
            throw new IOException("Cannot listen for MQTT on Unix socket " + path + ": " + cause.getMessage(), cause);
        }
        server = bound.channel();
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (IOException | UnsupportedOperationException e) {
            stop();
            throw new IOException("Cannot set the mode of Unix socket " + path + ": " + e.getMessage(), e);
        }
        LOG.info("Listening for MQTT on Unix socket {} (epoll, {} I/O threads)", path, ioThreads);
    }

    /**
     * Removes a socket file nobody answers on; refuses a live one and anything not a socket.
     */
    private void removeStaleSocket() throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if ((mode & S_IFMT) != S_IFSOCK) {
            throw new IOException("listeners." + name + ".path " + path + " exists and is not a socket; not replacing it");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException nobodyListens) {
            LOG.info("Removing stale Unix socket {} ({})", path, nobodyListens.getMessage());
            Files.deleteIfExists(path);
            return;
        }
        throw new IOException("Another process is listening on Unix socket " + path
                + "; stop it or choose another listeners." + name + ".path");
    }

    @Override
    public String address() {
        return path + " (epoll)";
    }

    @Override
    public int port() {
        return -1;
    }

    @Override
    public void stop() {
        Channel listening;
        ChannelGroup open;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            listening = server;
            open = connections;
        }
        if (listening != null) {
            listening.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        }
        if (open != null) {
            open.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        }
        shutDownGroup();
        if (listening != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("Cannot remove Unix socket {}: {}", path, e.getMessage());
            }
            LOG.info("Stopped listening for MQTT on Unix socket {}", path);
        }
    }

    private void shutDownGroup() {
        if (group != null) {
            group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS + 1_000);
        }
    }
}
