package dev.tern.application.port.cluster;

/**
 * Hears changes of other nodes' routes. Callbacks come on the backend's thread, in the order each
 * node made its changes, and must not block.
 */
public interface RouteListener {

    void added(String nodeId, String filter);

    void removed(String nodeId, String filter);

    /** Every route of {@code nodeId} is gone (it departed and was adopted). */
    void nodeRemoved(String nodeId);

    /** Changes may have been missed: rebuild the remote routes from {@link RouteTable#snapshot()}. */
    void resync();
}
