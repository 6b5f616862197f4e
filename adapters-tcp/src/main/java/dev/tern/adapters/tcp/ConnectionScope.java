package dev.tern.adapters.tcp;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.out.CloseLimits;
import dev.tern.application.port.out.TaskExecutor;
import io.netty.util.concurrent.EventExecutor;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What every connection of one listener shares, held once by the listener instead of once by each
 * connection (an idle connection's memory is mostly such references and small objects): the
 * listener's name, the engine that accepts its connections, how an engine-initiated close ends,
 * and one engine {@link TaskExecutor} per event loop, which the connections of that loop share.
 *
 * <p>Threading: immutable but for the executors, which any event loop may add to at once.
 */
final class ConnectionScope {

    private final String listenerName;
    private final ConnectionAcceptor acceptor;
    private final CloseLimits closeLimits;
    private final ConcurrentMap<EventExecutor, TaskExecutor> executors = new ConcurrentHashMap<>();

    /**
     * @param listenerName the listener instance's name, which each connection reports
     * @param closeLimits  how an engine-initiated close ends each connection
     */
    ConnectionScope(String listenerName, ConnectionAcceptor acceptor, CloseLimits closeLimits) {
        this.listenerName = Objects.requireNonNull(listenerName, "listenerName");
        this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
        this.closeLimits = Objects.requireNonNull(closeLimits, "closeLimits");
    }

    String listenerName() {
        return listenerName;
    }

    ConnectionAcceptor acceptor() {
        return acceptor;
    }

    CloseLimits closeLimits() {
        return closeLimits;
    }

    /** The engine's executor over {@code loop}: the same instance for every connection of the loop. */
    TaskExecutor executorFor(EventExecutor loop) {
        TaskExecutor executor = executors.get(loop);
        return executor != null ? executor : executors.computeIfAbsent(loop, EventLoopTaskExecutor::new);
    }
}
