package dev.tern.adapters.tcp;

import dev.tern.adapters.tcp.ServerState.Idle;
import dev.tern.adapters.tcp.ServerState.Running;
import dev.tern.adapters.tcp.ServerState.Stopped;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.out.CloseLimits;
import dev.tern.application.port.out.TaskExecutor;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP listener for MQTT, plain or over TLS: accepts connections and hands each to the engine
 * through {@link ConnectionAcceptor}. Every connection lives on one event loop, which is also the
 * engine's executor for it. A broker that listens both in plain text and over TLS runs two
 * instances.
 *
 * <p>Threading: {@link #start()} and {@link #stop()} block until done and must be called from a
 * thread that is not one of this server's event loops (a lifecycle thread, {@code main}); every
 * method may be called from any such thread.
 */
final class NettyTcpServer {

    private static final Logger LOG = LoggerFactory.getLogger(NettyTcpServer.class);

    /** Pending connections the kernel queues while the acceptor loop is busy. */
    private static final int ACCEPT_BACKLOG = 1024;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;

    private final String listenerName;
    private final TcpListenerConfig config;
    private final TlsConfig tls;
    private final ConnectionAcceptor acceptor;
    private final Admittance admittance;
    private final NettyTransport transport;
    private final CloseLimits closeLimits;
    private ServerState state = new Idle();

    /** @param listenerName the listener instance's configured name, which each connection reports */
    public NettyTcpServer(String listenerName, TcpListenerConfig config, ConnectionAcceptor acceptor) {
        this(listenerName, config, null, acceptor, Admittance.NONE, CloseLimits.DEFAULT);
    }

    /** A listener that speaks MQTT over TLS; its files are read when it starts. */
    public NettyTcpServer(String listenerName, TcpListenerConfig config, TlsConfig tls, ConnectionAcceptor acceptor) {
        this(listenerName, config, Objects.requireNonNull(tls, "tls"), acceptor, Admittance.NONE, CloseLimits.DEFAULT);
    }

    /**
     * A listener under the broker's connection limits.
     *
     * @param tls null for plain TCP
     */
    NettyTcpServer(String listenerName, TcpListenerConfig config, TlsConfig tls, ConnectionAcceptor acceptor,
            Admittance admittance) {
        this(listenerName, config, tls, acceptor, admittance, CloseLimits.DEFAULT);
    }

    /**
     * @param listenerName the listener instance's configured name, which each connection reports
     * @param tls null for plain TCP
     * @param admittance the listener's gate to the broker's connection limits
     * @param closeLimits how an engine-initiated close ends each connection
     */
    NettyTcpServer(String listenerName, TcpListenerConfig config, TlsConfig tls, ConnectionAcceptor acceptor,
            Admittance admittance, CloseLimits closeLimits) {
        this.listenerName = Objects.requireNonNull(listenerName, "listenerName");
        this.config = Objects.requireNonNull(config, "config");
        this.tls = tls;
        this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
        this.admittance = Objects.requireNonNull(admittance, "admittance");
        this.closeLimits = Objects.requireNonNull(closeLimits, "closeLimits");
        this.transport = NettyTransport.select(config.preferEpoll());
    }

    /**
     * Binds the listener.
     *
     * @throws IOException when the address cannot be bound (in use, not local, no permission) or a
     *     TLS file cannot be read or used
     * @throws IllegalStateException when already started or stopped
     */
    public synchronized void start() throws IOException {
        if (!(state instanceof Idle)) {
            String what = state instanceof Running ? "started" : "stopped";
            throw new IllegalStateException("TCP listener already " + what);
        }
        SslContext sslContext = tls == null ? null : TlsContextFactory.create(tls);
        EventLoopGroup acceptorGroup = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("tern-tcp-accept"), transport.ioHandlerFactory());
        EventLoopGroup ioGroup = new MultiThreadIoEventLoopGroup(
                config.effectiveIoThreads(), new DefaultThreadFactory("tern-tcp-io"),
                transport.ioHandlerFactory());
        // Stays closed: a connection still being registered when stop() closes the group is
        // closed as it joins, instead of slipping through.
        ChannelGroup connections = new DefaultChannelGroup("tern-tcp", GlobalEventExecutor.INSTANCE, true);
        ChannelFuture bound = bootstrap(acceptorGroup, ioGroup, connections, sslContext)
                .bind(config.host(), config.port())
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDown(acceptorGroup, ioGroup);
            Throwable cause = bound.cause();
            throw new IOException("Cannot listen for MQTT over " + protocol() + " on " + config.host() + ":"
                    + config.port() + ": " + cause.getMessage(), cause);
        }
        Running running = new Running(acceptorGroup, ioGroup, bound.channel(), connections);
        state = running;
        LOG.info("Listening for MQTT over {} on {}:{} ({}, {} I/O threads)", protocol(),
                config.host(), running.boundPort(), transport.name(), config.effectiveIoThreads());
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    public synchronized int boundPort() {
        return running().boundPort();
    }

    /** {@code "epoll"} or {@code "nio"}. */
    public String transportName() {
        return transport.name();
    }

    /**
     * Closes the listener and every connection (the engine sees {@code onClosed} for each), then
     * stops the event loops. Does nothing when not running; a stopped server cannot restart.
     */
    public void stop() {
        Running running;
        synchronized (this) {
            if (!(state instanceof Running r)) {
                state = new Stopped();
                return;
            }
            running = r;
            state = new Stopped();
        }
        int port = running.boundPort();
        running.listener().close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        // Closed explicitly: with a zero quiet period, shutting a loop down does not reliably close
        // the channels registered on it (seen in about one stop in ten under test).
        running.connections().close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        shutDown(running.acceptorGroup(), running.ioGroup());
        LOG.info("Stopped listening for MQTT over {} on {}:{}", protocol(), config.host(), port);
    }

    /**
     * The connection event loops, so the engine can pin a session without a connection to the loop
     * it will meet its connection on. Equal to the {@code executor()} of the channels on them.
     *
     * @throws IllegalStateException when not running
     */
    public synchronized List<TaskExecutor> executors() {
        List<TaskExecutor> executors = new ArrayList<>();
        for (EventExecutor loop : running().ioGroup()) {
            executors.add(new EventLoopTaskExecutor(loop));
        }
        return List.copyOf(executors);
    }

    private Running running() {
        if (state instanceof Running running) {
            return running;
        }
        throw new IllegalStateException("TCP listener is not running");
    }

    private String protocol() {
        return tls == null ? "TCP" : "TLS";
    }

    private ServerBootstrap bootstrap(EventLoopGroup acceptorGroup, EventLoopGroup ioGroup,
                                      ChannelGroup connections, SslContext sslContext) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptorGroup, ioGroup)
                .channel(transport.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, FairReads.allocator(config.readBytesPerTurn()))
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                        config.writeBufferLowWaterMark(), config.writeBufferHighWaterMark()))
                .childHandler(new TcpChannelInitializer(listenerName, acceptor, admittance.gate(), connections,
                        closeLimits, sslContext));
        if (admittance.paced()) {
            // One accept per wake-up: a pause then holds back the very next connection, where a
            // batch (16 by default) would overshoot the rate before the pause took effect.
            bootstrap.option(ChannelOption.RCVBUF_ALLOCATOR, new ServerChannelRecvByteBufAllocator().maxMessagesPerRead(1))
                    .handler(new AcceptPacer(admittance.gate()));
        }
        return bootstrap;
    }

    private static void shutDown(EventLoopGroup... groups) {
        List<Future<?>> terminations = new ArrayList<>();
        for (EventLoopGroup group : groups) {
            terminations.add(group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        }
        for (Future<?> termination : terminations) {
            termination.awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS + 1_000);
        }
    }
}
