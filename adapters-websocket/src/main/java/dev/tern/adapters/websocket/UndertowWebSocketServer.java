package dev.tern.adapters.websocket;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.ListenerGate;
import dev.tern.application.port.in.ListenerLimits;
import dev.tern.application.port.out.CloseLimits;
import dev.tern.application.port.plugin.ListenerContext;
import io.undertow.server.HttpHandler;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * MQTT over WebSocket ({@code ws://} or {@code wss://}): upgrades requests on the configured path
 * that offer the {@code mqtt} subprotocol and hands each connection to the engine through {@link
 * ConnectionAcceptor}. Every connection lives on one XNIO I/O thread, which is also the engine's
 * executor for it.
 *
 * <p>Threading: {@link #start()} and {@link #stop()} block until done and must not be called on
 * one of this server's I/O threads; every method may be called from any other thread.
 */
final class UndertowWebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(UndertowWebSocketServer.class);

    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;
    /** The handshake never blocks, so the worker pool only needs to exist. */
    private static final int WORKER_THREADS = 1;

    private final String listenerName;
    private final WebSocketListenerConfig config;
    private final ConnectionAcceptor acceptor;
    private final ListenerGate gate;
    private final CloseLimits closeLimits;
    private final Set<WebSocketChannel> openChannels = ConcurrentHashMap.newKeySet();
    private GatedHttpServer server;
    private boolean used;

    /** @param listenerName the listener instance's configured name, which each connection reports */
    public UndertowWebSocketServer(String listenerName, WebSocketListenerConfig config, ConnectionAcceptor acceptor) {
        this(listenerName, config, acceptor, ListenerGate.UNLIMITED, CloseLimits.DEFAULT);
    }

    /** A listener under the broker's connection limits, with {@code limits} of its own. */
    static UndertowWebSocketServer limited(String listenerName, WebSocketListenerConfig config,
            ListenerContext context, ListenerLimits limits) {
        return new UndertowWebSocketServer(listenerName, config, context.acceptor(),
                context.admission().gate(listenerName, limits), CloseLimits.DEFAULT);
    }

    /**
     * @param listenerName the listener instance's configured name, which each connection reports
     * @param gate the listener's connection limits, met at accept
     * @param closeLimits how an engine-initiated close ends each connection
     */
    UndertowWebSocketServer(String listenerName, WebSocketListenerConfig config, ConnectionAcceptor acceptor,
            ListenerGate gate, CloseLimits closeLimits) {
        this.listenerName = Objects.requireNonNull(listenerName, "listenerName");
        this.config = Objects.requireNonNull(config, "config");
        this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.closeLimits = Objects.requireNonNull(closeLimits, "closeLimits");
    }

    /**
     * Binds the listener.
     *
     * @throws IOException when the address cannot be bound or the TLS files cannot be used; the
     *     message names {@code host:port}
     * @throws IllegalStateException when already started or stopped
     */
    public synchronized void start() throws IOException {
        if (used) {
            throw new IllegalStateException("WebSocket listener already " + (server != null ? "started" : "stopped"));
        }
        used = true;
        String where = config.scheme() + "://" + config.host() + ":" + config.port() + config.path();
        try {
            SSLContext ssl = config.tls().isPresent() ? PemSslContexts.serverContext(config.tls().get()) : null;
            server = GatedHttpServer.start(config.host(), config.port(), config.effectiveIoThreads(), WORKER_THREADS,
                    ssl, handler(), gate);
        } catch (IOException | RuntimeException e) {
            throw new IOException("Cannot listen for MQTT over WebSocket on " + where + ": " + e.getMessage(), e);
        }
        LOG.info("Listening for MQTT over WebSocket on {}://{}:{}{} ({} I/O threads)", config.scheme(),
                config.host(), boundPort(), config.path(), config.effectiveIoThreads());
    }

    /**
     * The port actually bound, which differs from the configured one when that was 0.
     *
     * @throws IllegalStateException when not running
     */
    public synchronized int boundPort() {
        if (server == null) {
            throw new IllegalStateException("WebSocket listener is not running");
        }
        return server.port();
    }

    /**
     * Closes every connection (the engine sees {@code onClosed} for each), then the listener and
     * its threads. Does nothing when not running; a stopped server cannot restart.
     */
    public void stop() {
        GatedHttpServer running;
        synchronized (this) {
            used = true;
            running = server;
            server = null;
        }
        if (running == null) {
            return;
        }
        int port = running.port();
        closeOpenChannels();
        running.stop(SHUTDOWN_TIMEOUT_MILLIS);
        LOG.info("Stopped listening for MQTT over WebSocket on {}:{}", config.host(), port);
    }

    private HttpHandler handler() {
        ConnectionCallback callback = new ConnectionCallback(listenerName, acceptor, config, closeLimits,
                openChannels);
        // RFC 6455 (version 13) only: the drafts before it have no binary frames worth supporting.
        HttpHandler handshake = new WebSocketProtocolHandshakeHandler(
                List.of(new Hybi13Handshake(HandshakeGate.SUBPROTOCOLS, false)), callback);
        return new HandshakeGate(config.path(), config.allowedOrigins(), handshake);
    }

    /**
     * Closed on their own I/O threads and awaited, so that every engine connection hears {@code
     * onClosed} while its executor still runs.
     */
    private void closeOpenChannels() {
        for (WebSocketChannel channel : List.copyOf(openChannels)) {
            channel.getIoThread().execute(() -> IoUtils.safeClose(channel));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_TIMEOUT_MILLIS);
        while (!openChannels.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
