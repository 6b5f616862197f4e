package dev.tern.application.routing;

import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * All subscriptions of the broker, indexed for matching topic names.
 *
 * <p>Threading: safe for any number of threads. The index is a persistent trie: every change
 * builds a new root by copying only the nodes on the path of the changed filter, then publishes it
 * with a compare-and-set, retrying when another writer got there first. {@link #match} takes no
 * lock and sees one consistent snapshot, so publishers never wait for subscribers, nor for each
 * other. A change becomes visible to matches that start after it returns.
 *
 * <p>Shared subscriptions are indexed under their matched part and reported with their full
 * filter; choosing one member of a share group is up to the caller.
 *
 * <p>A {@link Listener} hears each subscription that enters or leaves, once, after the change is
 * visible; a cluster node counts them per filter to publish its routes.
 */
public final class SubscriptionIndex {

    private final AtomicReference<Snapshot> snapshot =
            new AtomicReference<>(new Snapshot(SubscriptionNode.EMPTY, 0));
    private final Listener listener;

    public SubscriptionIndex() {
        this(Listener.NONE);
    }

    public SubscriptionIndex(Listener listener) {
        this.listener = listener;
    }

    /**
     * Hears subscriptions enter and leave the index (a new one, not one whose options changed).
     * Called on the thread that changed the index; must not block.
     */
    public interface Listener {
        Listener NONE = new Listener() {
            @Override
            public void subscribed(TopicFilter filter) {
                // nobody listens
            }

            @Override
            public void unsubscribed(TopicFilter filter) {
                // nobody listens
            }
        };

        void subscribed(TopicFilter filter);

        void unsubscribed(TopicFilter filter);
    }

    /** Subscribes {@code clientId} to {@code filter}, replacing the options of an existing subscription. */
    public void subscribe(String clientId, TopicFilter filter, SubscriptionOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("subscription options must not be null");
        }
        SubscriberKey key = key(clientId, filter);
        String[] levels = filter.levels();
        boolean[] added = new boolean[1];
        while (true) {
            Snapshot current = snapshot.get();
            SubscriptionNode root = current.root().with(levels, 0, key, options, added);
            Snapshot next = new Snapshot(root, added[0] ? current.size() + 1 : current.size());
            if (snapshot.compareAndSet(current, next)) {
                if (added[0]) {
                    listener.subscribed(filter);
                }
                return;
            }
        }
    }

    /**
     * Makes several subscriptions in one change, as {@link #subscribe} would one after the other
     * (a later one for the same client and filter wins) but with one compare-and-set, and with the
     * trie nodes their filters share copied once: for the filters of one SUBSCRIBE packet.
     */
    public void subscribeAll(List<Subscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return;
        }
        if (subscriptions.size() == 1) {
            // Nothing to share: the single walk, without the batch's grouping.
            Subscription only = subscriptions.get(0);
            subscribe(only.clientId(), only.filter(), only.options());
            return;
        }
        List<SubscriptionNode.BatchEntry> batch = new ArrayList<>(subscriptions.size());
        for (int i = 0; i < subscriptions.size(); i++) {
            Subscription subscription = subscriptions.get(i);
            batch.add(new SubscriptionNode.BatchEntry(i, subscription.filter().levels(),
                    key(subscription.clientId(), subscription.filter()), subscription.options()));
        }
        boolean[] added = new boolean[batch.size()];
        while (true) {
            Arrays.fill(added, false);
            Snapshot current = snapshot.get();
            SubscriptionNode root = current.root().withAll(batch, 0, added);
            int newOnes = 0;
            for (boolean isNew : added) {
                newOnes += isNew ? 1 : 0;
            }
            if (snapshot.compareAndSet(current, new Snapshot(root, current.size() + newOnes))) {
                for (int i = 0; i < added.length; i++) {
                    if (added[i]) {
                        listener.subscribed(subscriptions.get(i).filter());
                    }
                }
                return;
            }
        }
    }

    /** Removes one subscription; true when it existed. */
    public boolean unsubscribe(String clientId, TopicFilter filter) {
        SubscriberKey key = key(clientId, filter);
        String[] levels = filter.levels();
        while (true) {
            Snapshot current = snapshot.get();
            SubscriptionNode root = current.root().without(levels, 0, key);
            if (root == current.root()) {
                return false;
            }
            Snapshot next = new Snapshot(root == null ? SubscriptionNode.EMPTY : root, current.size() - 1);
            if (snapshot.compareAndSet(current, next)) {
                listener.unsubscribed(filter);
                return true;
            }
        }
    }

    /** Removes the given subscriptions of one client in a single step; absent ones are skipped. */
    public void unsubscribeAll(String clientId, Iterable<TopicFilter> filters) {
        List<TopicFilter> removed = new ArrayList<>();
        while (true) {
            removed.clear();
            Snapshot current = snapshot.get();
            SubscriptionNode root = current.root();
            int size = current.size();
            for (TopicFilter filter : filters) {
                SubscriptionNode smaller = root.without(filter.levels(), 0, key(clientId, filter));
                if (smaller != root) {
                    root = smaller == null ? SubscriptionNode.EMPTY : smaller;
                    size--;
                    removed.add(filter);
                }
            }
            if (root == current.root() || snapshot.compareAndSet(current, new Snapshot(root, size))) {
                removed.forEach(listener::unsubscribed);
                return;
            }
        }
    }

    /**
     * Calls {@code visitor} once for each subscription whose filter matches {@code topic}, on the
     * calling thread, without taking a lock. A filter that begins with a wildcard does not match a
     * topic beginning with {@code $} [MQTT-4.7.2-1]. The visitor must not block.
     */
    public void match(TopicName topic, MatchVisitor visitor) {
        Snapshot current = snapshot.get();
        current.root().match(topic.value(), 0, true, topic.isSystemTopic(), new LevelProbe(), new Adapter(visitor));
    }

    /**
     * Whether any subscription could match a topic whose first level is {@code firstLevel}; false
     * means none can. One lookup in the trie's root, without a lock or an allocation: for a
     * publisher that builds a message only when somebody could receive it (the {@code $SYS}
     * client events). A subscription added after this returns is not seen, as with {@link #match}.
     */
    public boolean mayMatchFirstLevel(String firstLevel) {
        return snapshot.get().root().mayMatchLevel(firstLevel, 0);
    }

    public int size() {
        return snapshot.get().size();
    }

    private static SubscriberKey key(String clientId, TopicFilter filter) {
        if (clientId == null || filter == null) {
            throw new IllegalArgumentException("client id and filter must not be null");
        }
        return new SubscriberKey(clientId, filter);
    }

    /** Receives the subscriptions matching one topic. */
    public interface MatchVisitor {
        void visit(String clientId, TopicFilter filter, SubscriptionOptions options);
    }

    private record Snapshot(SubscriptionNode root, int size) {
    }

    /** One per match call, so that visiting a matched subscription allocates nothing. */
    private record Adapter(MatchVisitor visitor) implements BiConsumer<SubscriberKey, SubscriptionOptions> {
        @Override
        public void accept(SubscriberKey key, SubscriptionOptions options) {
            visitor.visit(key.clientId(), key.filter(), options);
        }
    }
}
