package dev.tern.application.service;

import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.session.SessionConnection;

/**
 * What a CONNECT passes before it attaches to its session on this node: nothing on a single node;
 * in a cluster, taking the client id over from whichever node owned it (docs/cluster.md).
 *
 * <p>Threading: {@link #admit} is called on the connection's executor and must not block; it may
 * run {@code attach} later, on any thread.
 */
public interface ConnectGate {

    /** A single node: the connect attaches at once, with no hop. */
    ConnectGate LOCAL = (request, connection, connectionExecutor, attach) -> attach.run();

    /**
     * Runs {@code attach} once the session may attach here, or ends {@code connection} (on
     * {@code connectionExecutor}) when it may not.
     */
    void admit(SessionAttachService.AttachRequest request, SessionConnection connection,
            TaskExecutor connectionExecutor, Runnable attach);
}
