package dev.tern.application.cluster;

import dev.tern.application.logging.LogThrottle;
import dev.tern.application.port.cluster.RouteTable;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.domain.topic.TopicFilter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this node's routes: counts this node's subscriptions per filter text (a shared one as
 * {@code $share/group/filter}) as they enter and leave the subscription index, and tells the
 * cluster's {@link RouteTable} when a filter gets its first subscriber ({@code add}) and loses its
 * last ({@code remove}). A change the table refused (its backend unreachable) is set right by the
 * next {@link #reconcile}, after the backend's connection came back.
 *
 * <p>Threading: {@link #subscribed} and {@link #unsubscribed} come on any thread and only queue
 * the change on the cluster executor; the counts live on that executor, where the table's blocking
 * calls run in the order the changes came.
 */
public final class LocalRoutes implements SubscriptionIndex.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRoutes.class);

    private final RouteTable routes;
    private final TaskExecutor clusterExecutor;
    private final LogThrottle failureLog;
    /** Confined to the cluster executor. */
    private final Map<String, Integer> counts = new HashMap<>();

    public LocalRoutes(RouteTable routes, TaskExecutor clusterExecutor, Clock clock) {
        this.routes = routes;
        this.clusterExecutor = clusterExecutor;
        this.failureLog = new LogThrottle(clock, Duration.ofMinutes(1));
    }

    @Override
    public void subscribed(TopicFilter filter) {
        String text = filter.value();
        clusterExecutor.execute(() -> change(text, 1));
    }

    @Override
    public void unsubscribed(TopicFilter filter) {
        String text = filter.value();
        clusterExecutor.execute(() -> change(text, -1));
    }

    /**
     * On the cluster executor: makes the table's routes of this node ({@code published}, as read
     * from it) what the counts say, adding the missing and removing the extra ones.
     */
    public void reconcile(Set<String> published) {
        Set<String> extra = new HashSet<>(published);
        extra.removeAll(counts.keySet());
        for (String filter : counts.keySet()) {
            if (!published.contains(filter)) {
                tell(filter, true);
            }
        }
        extra.forEach(filter -> tell(filter, false));
    }

    /**
     * Runs {@code then} on the cluster executor once every change queued before it is written to
     * the table (or failed): the changes run in order there.
     */
    public void afterPendingChanges(Runnable then) {
        clusterExecutor.execute(then);
    }

    /** On the cluster executor: the filters this node has subscribers for. */
    public Set<String> filters() {
        return Set.copyOf(counts.keySet());
    }

    private void change(String filter, int delta) {
        int before = counts.getOrDefault(filter, 0);
        int after = before + delta;
        if (after < 0) {
            LOG.warn("route {} left more often than it entered; ignored", filter);
            return;
        }
        if (after == 0) {
            counts.remove(filter);
            tell(filter, false);
        } else {
            counts.put(filter, after);
            if (before == 0) {
                tell(filter, true);
            }
        }
    }

    private void tell(String filter, boolean add) {
        try {
            if (add) {
                routes.add(filter);
            } else {
                routes.remove(filter);
            }
        } catch (RuntimeException e) {
            LogThrottle.Admitted admitted = failureLog.admit();
            if (admitted != null) {
                LOG.warn("could not {} route {} (set right when the cluster backend is back): {}{}",
                        add ? "add" : "remove", filter, e.toString(),
                        admitted.hasUnlogged() ? "; " + admitted.count() + " more since " + admitted.since() : "");
            }
        }
    }
}
