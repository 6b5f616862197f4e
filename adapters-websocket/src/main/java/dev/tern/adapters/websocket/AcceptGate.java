package dev.tern.adapters.websocket;

import dev.tern.application.port.in.Admission;
import dev.tern.application.port.in.ListenerGate;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.StreamConnection;
import org.xnio.channels.AcceptingChannel;

/**
 * The accept listener of a WebSocket listener's server socket, where Undertow would put its own:
 * each accepted connection first meets the listener's gate, and only an admitted one is wrapped in
 * TLS ({@code wss://}) and handed to Undertow's HTTP layer. A refused connection is closed before
 * any TLS object exists, so its client gets no ServerHello. An admitted one gives its slot back
 * from its close listener (XNIO adds close listeners together, so Undertow's own does not replace
 * it). When the gate asks for a pause, accepting is suspended for that long; clients wait in the
 * kernel's backlog. XNIO's server takes connections from the kernel on a thread of its own and
 * queues them for this listener, so those already queued when a pause begins still come through:
 * the rate is kept over time, with an overshoot of what was queued.
 *
 * <p>Threading: called on the XNIO I/O threads that accept; a pause may be started by any of them,
 * one at a time.
 */
final class AcceptGate implements ChannelListener<AcceptingChannel<StreamConnection>> {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptGate.class);

    private final ListenerGate gate;
    private final ChannelListener<StreamConnection> http;
    private final UndertowXnioSsl tls;
    private final AtomicBoolean paused = new AtomicBoolean();

    /** @param tls null for {@code ws://} */
    AcceptGate(ListenerGate gate, ChannelListener<StreamConnection> http, UndertowXnioSsl tls) {
        this.gate = gate;
        this.http = http;
        this.tls = tls;
    }

    @Override
    public void handleEvent(AcceptingChannel<StreamConnection> server) {
        StreamConnection connection;
        try {
            connection = server.accept();
        } catch (IOException e) {
            LOG.debug("Accepting a WebSocket connection failed: {}", e.toString());
            return;
        }
        if (connection == null) {
            return;
        }
        pauseIfAsked(server, connection);
        if (!(gate.admit(connection.getPeerAddress()) instanceof Admission.Admitted admitted)) {
            IoUtils.safeClose(connection);
            return;
        }
        connection.setCloseListener(closed -> admitted.slot().release());
        http.handleEvent(tls == null ? connection : tls.wrapExistingConnection(connection, OptionMap.EMPTY, false));
    }

    private void pauseIfAsked(AcceptingChannel<StreamConnection> server, StreamConnection accepted) {
        long pause = gate.acceptPauseNanos();
        if (pause > 0 && paused.compareAndSet(false, true)) {
            server.suspendAccepts();
            accepted.getIoThread().executeAfter(() -> {
                paused.set(false);
                if (server.isOpen()) {
                    server.resumeAccepts();
                }
            }, pause, TimeUnit.NANOSECONDS);
        }
    }
}
