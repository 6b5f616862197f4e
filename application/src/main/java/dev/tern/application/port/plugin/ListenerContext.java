package dev.tern.application.port.plugin;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.ConnectionAdmission;
import java.util.Objects;

/**
 * What the broker gives a listener it builds: the engine that takes its connections, and the
 * connection limits that decide, at accept, which connections may stay.
 *
 * @param acceptor  hands each new connection to the protocol engine
 * @param admission the broker's connection limits; a listener asks it for its gate
 */
public record ListenerContext(ConnectionAcceptor acceptor, ConnectionAdmission admission) {

    public ListenerContext {
        Objects.requireNonNull(acceptor, "acceptor");
        Objects.requireNonNull(admission, "admission");
    }
}
