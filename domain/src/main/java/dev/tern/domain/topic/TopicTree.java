package dev.tern.domain.topic;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A trie from topic filters to values, one value per (filter, key) entry, where the key is
 * typically the owner of a subscription. Children are indexed by level text, with dedicated slots
 * for {@code +} and {@code #}, so matching a topic walks only the branches that can match it.
 *
 * <p>Shared subscriptions are stored under the path of their matched part; the whole
 * {@link TopicFilter}, share group included, is part of the entry's identity.
 *
 * <p>Threading: not thread-safe. One thread at a time, or external synchronization; the
 * application's {@code SubscriptionIndex} is the concurrent counterpart.
 *
 * @param <K> the owner key of an entry
 * @param <V> the value of an entry
 */
public final class TopicTree<K, V> {

    private final Node<K, V> root = new Node<>();
    private int size;

    /** Stores {@code value} for (filter, key); returns the value it replaced, or null. */
    public V put(TopicFilter filter, K key, V value) {
        if (filter == null || key == null || value == null) {
            throw new IllegalArgumentException("filter, key and value must not be null");
        }
        Node<K, V> node = root;
        for (String level : filter.levels()) {
            node = node.childForInsert(level);
        }
        if (node.entries == null) {
            node.entries = new HashMap<>(4);
        }
        V previous = node.entries.put(new Entry<>(filter, key), value);
        if (previous == null) {
            size++;
        }
        return previous;
    }

    /** Removes the entry for (filter, key) and the nodes it leaves empty; returns its value, or null. */
    public V remove(TopicFilter filter, K key) {
        String[] levels = filter.levels();
        Node<K, V>[] path = pathTo(levels);
        if (path == null) {
            return null;
        }
        Node<K, V> node = path[levels.length];
        V removed = node.entries == null ? null : node.entries.remove(new Entry<>(filter, key));
        if (removed == null) {
            return null;
        }
        size--;
        if (node.entries.isEmpty()) {
            node.entries = null;
        }
        for (int depth = levels.length; depth > 0 && path[depth].isEmpty(); depth--) {
            path[depth - 1].removeChild(levels[depth - 1]);
        }
        return removed;
    }

    /**
     * Calls {@code visitor} once for each entry whose filter matches {@code topic}. A filter that
     * begins with a wildcard does not match a topic that begins with {@code $} [MQTT-4.7.2-1].
     */
    public void match(TopicName topic, BiConsumer<K, V> visitor) {
        match(root, topic.levels(), 0, topic.isSystemTopic(), visitor);
    }

    public int size() {
        return size;
    }

    /** Number of trie nodes, root included; lets tests see that removal prunes. */
    int nodeCount() {
        return root.count();
    }

    private static <K, V> void match(Node<K, V> node, String[] levels, int depth, boolean system,
                                     BiConsumer<K, V> visitor) {
        boolean wildcardsAllowed = depth > 0 || !system;
        // '#' also matches the parent level: "sport/#" matches "sport" [MQTT-4.7.1-2].
        if (wildcardsAllowed && node.multiLevel != null) {
            node.multiLevel.visitEntries(visitor);
        }
        if (depth == levels.length) {
            node.visitEntries(visitor);
            return;
        }
        if (node.children != null) {
            Node<K, V> child = node.children.get(levels[depth]);
            if (child != null) {
                match(child, levels, depth + 1, system, visitor);
            }
        }
        if (wildcardsAllowed && node.singleLevel != null) {
            match(node.singleLevel, levels, depth + 1, system, visitor);
        }
    }

    @SuppressWarnings("unchecked")
    private Node<K, V>[] pathTo(String[] levels) {
        Node<K, V>[] path = new Node[levels.length + 1];
        path[0] = root;
        for (int i = 0; i < levels.length; i++) {
            path[i + 1] = path[i].child(levels[i]);
            if (path[i + 1] == null) {
                return null;
            }
        }
        return path;
    }

    private record Entry<K>(TopicFilter filter, K key) {
    }

    private static final class Node<K, V> {
        private Map<String, Node<K, V>> children;
        private Node<K, V> singleLevel;
        private Node<K, V> multiLevel;
        private Map<Entry<K>, V> entries;

        Node<K, V> child(String level) {
            return switch (level) {
                case "+" -> singleLevel;
                case "#" -> multiLevel;
                default -> children == null ? null : children.get(level);
            };
        }

        Node<K, V> childForInsert(String level) {
            Node<K, V> existing = child(level);
            if (existing != null) {
                return existing;
            }
            Node<K, V> created = new Node<>();
            switch (level) {
                case "+" -> singleLevel = created;
                case "#" -> multiLevel = created;
                default -> {
                    if (children == null) {
                        children = new HashMap<>(4);
                    }
                    children.put(level, created);
                }
            }
            return created;
        }

        void removeChild(String level) {
            switch (level) {
                case "+" -> singleLevel = null;
                case "#" -> multiLevel = null;
                default -> {
                    children.remove(level);
                    if (children.isEmpty()) {
                        children = null;
                    }
                }
            }
        }

        boolean isEmpty() {
            return (entries == null || entries.isEmpty()) && children == null
                    && singleLevel == null && multiLevel == null;
        }

        void visitEntries(BiConsumer<K, V> visitor) {
            if (entries != null) {
                for (Map.Entry<Entry<K>, V> entry : entries.entrySet()) {
                    visitor.accept(entry.getKey().key(), entry.getValue());
                }
            }
        }

        int count() {
            int count = 1;
            if (children != null) {
                for (Node<K, V> child : children.values()) {
                    count += child.count();
                }
            }
            count += singleLevel == null ? 0 : singleLevel.count();
            count += multiLevel == null ? 0 : multiLevel.count();
            return count;
        }
    }
}
