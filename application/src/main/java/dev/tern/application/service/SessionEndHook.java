package dev.tern.application.service;

/**
 * Hears that a session ended for good on this node (its expiry passed, or it had none and its
 * connection ended), once the end has been recorded: a cluster node gives up the client id then.
 *
 * <p>Threading: called inside a task of the ending session's executor; must not block.
 */
public interface SessionEndHook {

    /** Nothing to do: a single node. */
    SessionEndHook NONE = clientId -> { };

    void ended(String clientId);
}
