package dev.tern.application.port.in;

import dev.tern.application.port.out.ClientChannel;

/**
 * What a transport calls for each new network connection. Implemented by the protocol engine.
 *
 * <p>Threading: may be called from any transport thread; the returned connection is then driven
 * only from {@code channel.executor()}.
 */
public interface ConnectionAcceptor {

    InboundConnection accept(ClientChannel channel);
}
