package dev.tern.application.service;

import dev.tern.domain.topic.TopicFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The other nodes of a cluster that one message published here goes to: nodes with a matching
 * non-shared route take it as is; for each shared group with members on other nodes, the nodes
 * that have members are candidates, and {@link PublishService} picks one member of the group
 * cluster-wide (a local session or one node), which adds the group to that node's share.
 *
 * <p>Threading: confined to the thread routing the message.
 */
public final class RemoteTargets {

    /** What one node receives: the message for its plain subscriptions, and/or for these groups. */
    public interface Destination {
        void to(String nodeId, boolean plain, Set<String> sharedGroups);
    }

    private static final class Node {
        boolean plain;
        Set<String> groups = Set.of();
    }

    private final String id;
    private final Map<String, Node> nodes = new HashMap<>(4);
    /** By shared filter text ({@code $share/group/filter}): the nodes with members; null until one. */
    private Map<String, List<String>> candidates;

    /** @param id the id the message is forwarded under, the same for every node (one per publish) */
    public RemoteTargets(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** {@code nodeId} has a non-shared route matching the message. */
    public void plain(String nodeId) {
        node(nodeId).plain = true;
    }

    /** {@code nodeId} has members of the shared subscription {@code filter}, which matches the message. */
    public void sharedMember(String nodeId, TopicFilter filter) {
        if (candidates == null) {
            candidates = new HashMap<>(4);
        }
        List<String> members = candidates.computeIfAbsent(filter.value(), k -> new ArrayList<>(2));
        if (!members.contains(nodeId)) {
            members.add(nodeId);
        }
    }

    /** The nodes with members of {@code group} (shared filter text), removed from the candidates; null if none. */
    List<String> takeCandidates(String group) {
        return candidates == null ? null : candidates.remove(group);
    }

    /** The shared groups that have members only on other nodes, still to be picked for. */
    Map<String, List<String>> remainingCandidates() {
        return candidates == null ? Map.of() : candidates;
    }

    /** {@code nodeId} was picked for {@code group}: it gives the message to one of its members. */
    void choose(String nodeId, String group) {
        Node node = node(nodeId);
        if (node.groups.isEmpty()) {
            node.groups = new HashSet<>(2);
        }
        node.groups.add(group);
    }

    /** Visits each node that receives the message, after the pick. */
    public void forEach(Destination destination) {
        nodes.forEach((id, node) -> {
            if (node.plain || !node.groups.isEmpty()) {
                destination.to(id, node.plain, node.groups);
            }
        });
    }

    /** How many nodes receive the message, after the pick. */
    public int size() {
        int count = 0;
        for (Node node : nodes.values()) {
            if (node.plain || !node.groups.isEmpty()) {
                count++;
            }
        }
        return count;
    }

    private Node node(String nodeId) {
        return nodes.computeIfAbsent(nodeId, id -> new Node());
    }
}
