package dev.tern.application.retained;

import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The topics that hold a retained message, as a tree of their levels, so that the lookup a
 * SUBSCRIBE makes visits only the branches its filter can match: {@code a/b/#} walks {@code a},
 * then {@code b}, then that subtree, instead of testing every retained topic. It may also offer a
 * topic the filter does not match (never with a wildcard-first filter and a {@code $} topic
 * [MQTT-4.7.2-1]), so the caller still tests each one.
 *
 * <p>Threading: {@link #add} and {@link #remove} run one at a time, under the lock of {@link
 * RetainedMessages}; {@link #forEachCandidate} runs on any thread without a lock, and sees each
 * change made meanwhile or not, like the map of messages it indexes. Nodes left empty are pruned
 * by the writer; a reader still walking one only finds nothing there.
 */
final class RetainedTopicTree {

    private final Node root = new Node();

    /** Under the owner's lock. */
    void add(TopicName topic) {
        Node node = root;
        for (String level : topic.levels()) {
            node = node.childForWriting(level);
        }
        node.topic = topic.value();
    }

    /** Under the owner's lock; a topic not in the tree is ignored. */
    void remove(TopicName topic) {
        String[] levels = topic.levels();
        Node[] path = new Node[levels.length + 1];
        path[0] = root;
        for (int i = 0; i < levels.length; i++) {
            path[i + 1] = path[i].child(levels[i]);
            if (path[i + 1] == null) {
                return;
            }
        }
        path[levels.length].topic = null;
        for (int i = levels.length; i > 0 && path[i].isEmpty(); i--) {
            path[i - 1].children.remove(levels[i - 1]);
        }
    }

    /** Calls {@code visitor} with each retained topic {@code filter} may match. */
    void forEachCandidate(TopicFilter filter, Consumer<String> visitor) {
        visit(root, filter.levels(), 0, visitor);
    }

    private static void visit(Node node, String[] levels, int depth, Consumer<String> visitor) {
        if (depth == levels.length) {
            String topic = node.topic;
            if (topic != null) {
                visitor.accept(topic);
            }
            return;
        }
        String level = levels[depth];
        if ("#".equals(level)) {
            // '#' also matches the parent level: "a/#" matches "a" [MQTT-4.7.1-2].
            String parent = node.topic;
            if (parent != null) {
                visitor.accept(parent);
            }
        }
        ConcurrentHashMap<String, Node> children = node.children;
        if (children == null) {
            return;
        }
        switch (level) {
            case "#" -> children.forEach((name, child) -> {
                if (depth > 0 || !name.startsWith("$")) {
                    everything(child, visitor);
                }
            });
            case "+" -> children.forEach((name, child) -> {
                if (depth > 0 || !name.startsWith("$")) {
                    visit(child, levels, depth + 1, visitor);
                }
            });
            default -> {
                Node child = children.get(level);
                if (child != null) {
                    visit(child, levels, depth + 1, visitor);
                }
            }
        }
    }

    private static void everything(Node node, Consumer<String> visitor) {
        String topic = node.topic;
        if (topic != null) {
            visitor.accept(topic);
        }
        ConcurrentHashMap<String, Node> children = node.children;
        if (children != null) {
            children.values().forEach(child -> everything(child, visitor));
        }
    }

    /** One level; {@code children} is made on the first child, as most nodes are leaves. */
    private static final class Node {
        volatile ConcurrentHashMap<String, Node> children;
        volatile String topic;

        Node child(String level) {
            ConcurrentHashMap<String, Node> map = children;
            return map == null ? null : map.get(level);
        }

        /** Under the owner's lock. */
        Node childForWriting(String level) {
            ConcurrentHashMap<String, Node> map = children;
            if (map == null) {
                map = new ConcurrentHashMap<>(4);
                children = map;
            }
            return map.computeIfAbsent(level, ignored -> new Node());
        }

        boolean isEmpty() {
            ConcurrentHashMap<String, Node> map = children;
            return topic == null && (map == null || map.isEmpty());
        }
    }
}
