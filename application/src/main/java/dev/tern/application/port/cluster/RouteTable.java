package dev.tern.application.port.cluster;

import java.util.Map;
import java.util.Set;

/**
 * The cluster-wide route table: for each node, the topic filters it has subscribers for (shared
 * subscriptions as {@code $share/group/filter}). A node adds a filter when its first local
 * subscriber of it appears and removes it when its last one goes; the others keep a local
 * matching structure of the remote routes, from {@link #snapshot} and the changes
 * {@link RouteListener} reports.
 *
 * <p>Threading: see the package documentation.
 */
public interface RouteTable {

    /** This node now has subscribers for {@code filter}. */
    void add(String filter);

    /** This node has no subscriber for {@code filter} any more. */
    void remove(String filter);

    /** Every node's filters, this node's included. */
    Map<String, Set<String>> snapshot();

    /** Deletes the routes of a departed node (by its adopter). */
    void removeNode(String nodeId);

    /**
     * Starts reporting other nodes' changes to {@code listener}. Notifications may be lost while
     * the connection to the backend is down; when it comes back the listener hears
     * {@link RouteListener#resync()} and must rebuild from {@link #snapshot}.
     */
    void listen(RouteListener listener);
}
