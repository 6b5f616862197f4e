package dev.tern.adapters.tcp;

import dev.tern.application.port.in.Admission;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.ListenerGate;
import dev.tern.application.port.out.CloseLimits;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.ssl.SslContext;

/**
 * Builds the pipeline of each accepted connection: TLS when the listener has it, then the engine.
 * First of all it asks the listener's gate whether the connection may stay: a refused one is
 * closed before any handler is added, so it costs no TLS handshake (the client sees the connection
 * close without a ServerHello) and no engine; an admitted one gives its slot back when it closes
 * (the engine handler's {@code channelInactive} does that, rather than a close-future listener:
 * one listener object and array fewer per connection). The engine handler also holds flushes
 * during a read ({@link InboundBytesHandler}), so there is no flush-consolidation handler.
 *
 * <p>Threading: shared by every connection of a listener; Netty calls it on each new channel's
 * event loop.
 */
final class TcpChannelInitializer extends ChannelInitializer<Channel> {

    private final ConnectionScope scope;
    private final ListenerGate gate;
    private final ChannelGroup connections;
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
        this.scope = new ConnectionScope(listenerName, acceptor, closeLimits);
        this.gate = gate;
        this.connections = connections;
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
        channel.pipeline().addLast("engine", new InboundBytesHandler(scope, admitted.slot()));
    }
}
