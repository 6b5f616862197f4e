package dev.tern.application.routing;

import dev.tern.domain.subscription.SubscriptionOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One level of the persistent subscription trie. Immutable: a change copies only the nodes on
 * the path of the changed filter, and each copied node shares its {@link HashTrieMap}s with the
 * old one except for the one entry that changed, so a subscribe costs O(depth), not O(size).
 *
 * <p>Children are indexed by level text, with dedicated slots for {@code +} and {@code #}.
 * Threading: immutable, safe to read from any thread once published.
 */
final class SubscriptionNode {

    static final SubscriptionNode EMPTY =
            new SubscriptionNode(HashTrieMap.empty(), null, null, HashTrieMap.empty());

    private final HashTrieMap<String, SubscriptionNode> children;
    private final SubscriptionNode singleLevel;
    private final SubscriptionNode multiLevel;
    private final HashTrieMap<SubscriberKey, SubscriptionOptions> subscribers;

    private SubscriptionNode(HashTrieMap<String, SubscriptionNode> children, SubscriptionNode singleLevel,
                             SubscriptionNode multiLevel, HashTrieMap<SubscriberKey, SubscriptionOptions> subscribers) {
        this.children = children;
        this.singleLevel = singleLevel;
        this.multiLevel = multiLevel;
        this.subscribers = subscribers;
    }

    /**
     * A copy of this subtree with {@code key} subscribed under {@code levels}, in one walk: sets
     * {@code added[0]} when the key was not there before (rather than its options replaced).
     */
    SubscriptionNode with(String[] levels, int depth, SubscriberKey key, SubscriptionOptions options,
                          boolean[] added) {
        if (depth == levels.length) {
            HashTrieMap<SubscriberKey, SubscriptionOptions> more = subscribers.put(key, options);
            added[0] = more.size() > subscribers.size();
            return new SubscriptionNode(children, singleLevel, multiLevel, more);
        }
        String level = levels[depth];
        SubscriptionNode child = child(level);
        if (child == null) {
            // The level becomes a key of the trie. The same few texts ("status", "1", "#"...) recur
            // under thousands of parents; one shared copy each saves a String and its bytes per node.
            level = level.intern();
        }
        SubscriptionNode base = child == null ? EMPTY : child;
        return withChild(level, base.with(levels, depth + 1, key, options, added));
    }

    /**
     * A copy of this subtree with every subscription of {@code batch} made, in one walk: a node or
     * map on the path of several of them is copied once for the batch, not once for each (a
     * SUBSCRIBE's filters mostly share their first levels, under which a map holds thousands of
     * other clients' children). Applied in order, so a later entry for the same key wins; sets
     * {@code added[entry.index()]} for each entry whose key was not there before.
     */
    SubscriptionNode withAll(List<BatchEntry> batch, int depth, boolean[] added) {
        HashTrieMap<SubscriberKey, SubscriptionOptions> here = subscribers;
        Map<String, List<BatchEntry>> below = null;
        for (BatchEntry entry : batch) {
            if (entry.levels().length == depth) {
                HashTrieMap<SubscriberKey, SubscriptionOptions> more = here.put(entry.key(), entry.options());
                added[entry.index()] = more.size() > here.size();
                here = more;
            } else {
                if (below == null) {
                    below = new LinkedHashMap<>();
                }
                below.computeIfAbsent(entry.levels()[depth], level -> new ArrayList<>()).add(entry);
            }
        }
        if (below == null) {
            return new SubscriptionNode(children, singleLevel, multiLevel, here);
        }
        HashTrieMap<String, SubscriptionNode> newChildren = children;
        SubscriptionNode newSingleLevel = singleLevel;
        SubscriptionNode newMultiLevel = multiLevel;
        for (Map.Entry<String, List<BatchEntry>> group : below.entrySet()) {
            String level = group.getKey();
            SubscriptionNode child = child(level);
            SubscriptionNode changed = (child == null ? EMPTY : child).withAll(group.getValue(), depth + 1, added);
            switch (level) {
                case "+" -> newSingleLevel = changed;
                case "#" -> newMultiLevel = changed;
                // Interned when it becomes a key of the trie, as in with().
                default -> newChildren = newChildren.put(child == null ? level.intern() : level, changed);
            }
        }
        return new SubscriptionNode(newChildren, newSingleLevel, newMultiLevel, here);
    }

    /** One subscription of a batch: its position in the batch, its filter's levels, its key and options. */
    record BatchEntry(int index, String[] levels, SubscriberKey key, SubscriptionOptions options) {
        BatchEntry {
            if (index < 0 || levels == null || key == null || options == null) {
                throw new IllegalArgumentException("a batch entry needs an index, levels, a key and options");
            }
        }
    }

    /**
     * A copy of this subtree without {@code key} under {@code levels}, with nodes left empty pruned:
     * this very node when the key is absent, null when the node itself becomes empty.
     */
    SubscriptionNode without(String[] levels, int depth, SubscriberKey key) {
        SubscriptionNode changed;
        if (depth == levels.length) {
            HashTrieMap<SubscriberKey, SubscriptionOptions> remaining = subscribers.remove(key);
            if (remaining == subscribers) {
                return this;
            }
            changed = new SubscriptionNode(children, singleLevel, multiLevel, remaining);
        } else {
            String level = levels[depth];
            SubscriptionNode child = child(level);
            if (child == null) {
                return this;
            }
            SubscriptionNode newChild = child.without(levels, depth + 1, key);
            if (newChild == child) {
                return this;
            }
            changed = withChild(level, newChild);
        }
        return changed.isEmpty() ? null : changed;
    }

    /**
     * Calls {@code action} for each subscriber whose filter matches {@code topic}, whose level at
     * this node's depth begins at {@code from}; {@code from} is -1 past the topic's last level. A
     * leading wildcard does not match a topic beginning with {@code $} [MQTT-4.7.2-1]. Levels are
     * looked up through {@code probe}, never cut out of the topic.
     */
    void match(String topic, int from, boolean firstLevel, boolean systemTopic, LevelProbe probe,
               BiConsumer<SubscriberKey, SubscriptionOptions> action) {
        boolean wildcardsAllowed = !firstLevel || !systemTopic;
        // '#' also matches the parent level: "sport/#" matches "sport" [MQTT-4.7.1-2].
        if (wildcardsAllowed && multiLevel != null) {
            multiLevel.subscribers.forEach(action);
        }
        if (from < 0) {
            subscribers.forEach(action);
            return;
        }
        // Every '/' separates two levels, so "a/" ends with an empty level [MQTT-4.7.1-1].
        int slash = topic.indexOf('/', from);
        int end = slash < 0 ? topic.length() : slash;
        int next = slash < 0 ? -1 : slash + 1;
        SubscriptionNode child = children.isEmpty() ? null : children.get(probe.at(topic, from, end));
        if (child != null) {
            child.match(topic, next, false, systemTopic, probe, action);
        }
        if (wildcardsAllowed && singleLevel != null) {
            singleLevel.match(topic, next, false, systemTopic, probe, action);
        }
    }

    /**
     * Whether some filter under this node could match a topic whose level here is {@code level}:
     * a child for that very text, or a wildcard unless it is the first level of a {@code $} topic
     * [MQTT-4.7.2-1]. Looks no deeper, so a true answer may still match nothing.
     */
    boolean mayMatchLevel(String level, int depth) {
        boolean wildcardsAllowed = depth > 0 || !level.startsWith("$");
        return children.get(level) != null || wildcardsAllowed && (singleLevel != null || multiLevel != null);
    }

    private SubscriptionNode child(String level) {
        return switch (level) {
            case "+" -> singleLevel;
            case "#" -> multiLevel;
            default -> children.get(level);
        };
    }

    /** A copy of this node with the child for {@code level} replaced, or removed when null. */
    private SubscriptionNode withChild(String level, SubscriptionNode child) {
        return switch (level) {
            case "+" -> new SubscriptionNode(children, child, multiLevel, subscribers);
            case "#" -> new SubscriptionNode(children, singleLevel, child, subscribers);
            default -> new SubscriptionNode(
                    child == null ? children.remove(level) : children.put(level, child),
                    singleLevel, multiLevel, subscribers);
        };
    }

    private boolean isEmpty() {
        return subscribers.isEmpty() && children.isEmpty() && singleLevel == null && multiLevel == null;
    }
}
