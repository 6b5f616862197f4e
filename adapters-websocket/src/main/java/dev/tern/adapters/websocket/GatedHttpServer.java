package dev.tern.adapters.websocket;

import dev.tern.application.port.in.ListenerGate;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * One HTTP or HTTPS listener on Undertow, built as {@code Undertow.start()} builds one, except
 * that its server socket's accept listener is an {@link AcceptGate}: Undertow's builder offers no
 * hook before its own accept listener, which for HTTPS wraps each connection in TLS at once. The
 * options are Undertow's defaults for a listener (backlog 1000, no HTTP/2, 16 KiB direct buffers).
 *
 * <p>Threading: {@link #start} and {@link #stop} on a lifecycle thread, never on an I/O thread;
 * {@link #port()} from any thread.
 */
final class GatedHttpServer {

    private static final int BUFFER_SIZE = 16 * 1024;
    private static final int BACKLOG = 1000;
    private static final int NO_REQUEST_TIMEOUT_MILLIS = 60_000;

    private final XnioWorker worker;
    private final AcceptingChannel<StreamConnection> server;

    private GatedHttpServer(XnioWorker worker, AcceptingChannel<StreamConnection> server) {
        this.worker = worker;
        this.server = server;
    }

    /**
     * Binds and starts accepting.
     *
     * @param ssl null for plain HTTP
     * @throws IOException when the address cannot be bound
     */
    static GatedHttpServer start(String host, int port, int ioThreads, int workerThreads, SSLContext ssl,
            HttpHandler handler, ListenerGate gate) throws IOException {
        Xnio xnio = Xnio.getInstance(Undertow.class.getClassLoader());
        XnioWorker worker = xnio.createWorker(OptionMap.builder()
                .set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.WORKER_TASK_CORE_THREADS, workerThreads)
                .set(Options.WORKER_TASK_MAX_THREADS, workerThreads)
                .set(Options.TCP_NODELAY, true)
                .set(Options.CORK, true)
                .getMap());
        try {
            HttpOpenListener http = new HttpOpenListener(new DefaultByteBufferPool(true, BUFFER_SIZE, -1, 4),
                    OptionMap.builder()
                            .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                            .set(UndertowOptions.NO_REQUEST_TIMEOUT, NO_REQUEST_TIMEOUT_MILLIS)
                            .getMap());
            http.setRootHandler(handler);
            UndertowXnioSsl tls = ssl == null ? null
                    : new UndertowXnioSsl(xnio, OptionMap.create(Options.USE_DIRECT_BUFFERS, true), ssl);
            OptionMap socketOptions = OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, worker.getIoThreadCount())
                    .set(Options.TCP_NODELAY, true)
                    .set(Options.REUSE_ADDRESSES, true)
                    .set(Options.BALANCING_TOKENS, 1)
                    .set(Options.BALANCING_CONNECTIONS, 2)
                    .set(Options.BACKLOG, BACKLOG)
                    .getMap();
            AcceptingChannel<StreamConnection> server = worker.createStreamConnectionServer(
                    new InetSocketAddress(InetAddress.getByName(host), port), new AcceptGate(gate, http, tls),
                    socketOptions);
            server.resumeAccepts();
            return new GatedHttpServer(worker, server);
        } catch (IOException | RuntimeException e) {
            worker.shutdownNow();
            throw e;
        }
    }

    int port() {
        return server.getLocalAddress(InetSocketAddress.class).getPort();
    }

    /** Stops accepting and ends the I/O threads, as {@code Undertow.stop()} does; connections still open are cut. */
    void stop(long timeoutMillis) {
        IoUtils.safeClose(server);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
