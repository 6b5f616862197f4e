package dev.tern.adapters.tcp;

import dev.tern.application.port.in.Admission;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.ListenerGate;
import dev.tern.application.port.out.CloseLimits;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;

/**
 * Builds the pipeline of each accepted connection: TLS when the listener has it, flush
 * consolidation, then the engine. First of all it asks the listener's gate whether the connection
 * may stay: a refused one is closed before any handler is added, so it costs no TLS handshake (the
 * client sees the connection close without a ServerHello) and no engine; an admitted one gives its
 * slot back when it closes (the engine handler's {@code channelInactive} does that, rather than a
 * close-future listener: one listener object and array fewer per connection).
 *
 * <p>Why {@link FlushConsolidationHandler}: the engine flushes once per batch of work, and while
 * reading a batch is one {@code onBytes} call. A single read loop of the event loop can deliver
 * several buffers (a client pipelining many PUBLISHes), which would be one flush, one syscall,
 * each. The handler holds flushes issued during a read until {@code channelReadComplete}, so such
 * a burst leaves in one syscall. Flushes issued outside a read (deliveries arriving from other
 * sessions' loops) pass straight through, so latency does not depend on the peer sending more.
 * Writes are never flushed implicitly.
 *
 * <p>Threading: shared by every connection of a listener; Netty calls it on each new channel's
 * event loop.
 */
final class TcpChannelInitializer extends ChannelInitializer<Channel> {

    /** Bound on deferred flushes during one long read, so a huge burst still streams out. */
    private static final int MAX_DEFERRED_FLUSHES = 256;

    private final String listenerName;
    private final ConnectionAcceptor acceptor;
    private final ListenerGate gate;
    private final ChannelGroup connections;
    private final CloseLimits closeLimits;
    private final SslContext tls;

    /**
     * @param listenerName the listener instance's name, which each connection reports
     * @param gate the listener's connection limits
     * @param connections where each connection is tracked so that stopping can close it
     * @param closeLimits how an engine-initiated close ends each connection
     * @param tls the server TLS context, or null for plain TCP
     */
    TcpChannelInitializer(String listenerName, ConnectionAcceptor acceptor, ListenerGate gate, ChannelGroup connections,
            CloseLimits closeLimits, SslContext tls) {
        this.listenerName = listenerName;
        this.acceptor = acceptor;
        this.gate = gate;
        this.connections = connections;
        this.closeLimits = closeLimits;
        this.tls = tls;
    }

    @Override
    protected void initChannel(Channel channel) {
        if (!(gate.admit(channel.remoteAddress()) instanceof Admission.Admitted admitted)) {
            channel.close();
            return;
        }
        connections.add(channel);
        if (tls != null) {
            channel.pipeline()
                    .addLast("tls", tls.newHandler(channel.alloc()))
                    .addLast("tls-failures", new TlsHandshakeHandler());
        }
        channel.pipeline()
                .addLast("flush-consolidation", new FlushConsolidationHandler(MAX_DEFERRED_FLUSHES, false))
                .addLast("engine", new InboundBytesHandler(listenerName, acceptor, closeLimits, admitted.slot()));
    }
}
