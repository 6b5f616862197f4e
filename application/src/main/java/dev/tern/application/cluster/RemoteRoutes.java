package dev.tern.application.cluster;

import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The other nodes' routes, for matching: a {@link SubscriptionIndex} whose "client ids" are node
 * ids. Kept up to date from the route table's changes, and rebuilt from a snapshot of the table
 * when changes may have been missed: changes that arrive while the snapshot is read are applied
 * to the old index and replayed onto the new one, so that none is lost between the two.
 *
 * <p>Threading: {@link #match} and {@link #isEmpty} from any thread without a lock; changes and
 * rebuilds take this object's monitor briefly (route changes are rare next to matches).
 */
public final class RemoteRoutes {

    private static final SubscriptionOptions ROUTE = SubscriptionOptions.ofQos(Qos.AT_MOST_ONCE);

    private final String selfId;
    private volatile SubscriptionIndex index = new SubscriptionIndex();
    /** Guarded by this: each other node's filters, to drop them all when the node goes. */
    private Map<String, Set<String>> byNode = new HashMap<>();
    /** Guarded by this: the changes seen while a rebuild reads the snapshot, or null. */
    private List<Runnable> duringRebuild;

    /** @param selfId this node's id, whose own routes the snapshot holds too and which are left out */
    public RemoteRoutes(String selfId) {
        this.selfId = selfId;
    }

    /** Calls {@code visitor} with (node id, route filter) for each other node's route matching {@code topic}. */
    public void match(TopicName topic, SubscriptionIndex.MatchVisitor visitor) {
        index.match(topic, visitor);
    }

    public boolean isEmpty() {
        return index.size() == 0;
    }

    public synchronized void added(String nodeId, String filter) {
        apply(() -> add(index, byNode, nodeId, filter));
    }

    public synchronized void removed(String nodeId, String filter) {
        apply(() -> remove(index, byNode, nodeId, filter));
    }

    public synchronized void nodeRemoved(String nodeId) {
        apply(() -> removeNode(index, byNode, nodeId));
    }

    /** Starts a rebuild: from now on changes are also kept for {@link #finishRebuild}. Read the snapshot after this. */
    public synchronized void beginRebuild() {
        duringRebuild = new ArrayList<>();
    }

    /** Replaces the routes with {@code snapshot} (every node's filters) and the changes seen since {@link #beginRebuild}. */
    public synchronized void finishRebuild(Map<String, Set<String>> snapshot) {
        SubscriptionIndex fresh = new SubscriptionIndex();
        Map<String, Set<String>> freshByNode = new HashMap<>();
        snapshot.forEach((node, filters) -> filters.forEach(f -> add(fresh, freshByNode, node, f)));
        List<Runnable> missed = duringRebuild == null ? List.of() : duringRebuild;
        index = fresh;
        byNode = freshByNode;
        duringRebuild = null;
        // Replayed in the order they came: each node's latest change of a filter wins.
        missed.forEach(Runnable::run);
    }

    /** The snapshot could not be read: the routes stay as they are. */
    public synchronized void cancelRebuild() {
        duringRebuild = null;
    }

    /** The other nodes' filters, for tests and diagnostics. */
    public synchronized Map<String, Set<String>> routes() {
        Map<String, Set<String>> copy = new HashMap<>();
        byNode.forEach((node, filters) -> copy.put(node, Set.copyOf(filters)));
        return copy;
    }

    /** Under the monitor: applies a change to the current index, and keeps it for replay during a rebuild. */
    private void apply(Runnable change) {
        change.run();
        if (duringRebuild != null) {
            duringRebuild.add(change);
        }
    }

    private void add(SubscriptionIndex target, Map<String, Set<String>> nodes, String nodeId, String filter) {
        TopicFilter parsed = TopicFilter.parseOrNull(filter);
        if (parsed == null || nodeId.equals(selfId)) {
            return;
        }
        if (nodes.computeIfAbsent(nodeId, n -> new HashSet<>()).add(filter)) {
            target.subscribe(nodeId, parsed, ROUTE);
        }
    }

    private static void remove(SubscriptionIndex target, Map<String, Set<String>> nodes, String nodeId, String filter) {
        Set<String> filters = nodes.get(nodeId);
        if (filters != null && filters.remove(filter)) {
            target.unsubscribe(nodeId, TopicFilter.parse(filter));
            if (filters.isEmpty()) {
                nodes.remove(nodeId);
            }
        }
    }

    private static void removeNode(SubscriptionIndex target, Map<String, Set<String>> nodes, String nodeId) {
        Set<String> filters = nodes.remove(nodeId);
        if (filters != null) {
            target.unsubscribeAll(nodeId, filters.stream().map(TopicFilter::parse).toList());
        }
    }
}
