package dev.tern.application.service;

import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SessionRegistry;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Collects one target per session of the subscriptions matching one message: overlapping
 * subscriptions of one client give one copy at the highest granted QoS, carrying every matching
 * subscription identifier (3.3.5, 4.7); No Local is applied; one member of each shared group is
 * picked, cluster-wide when other nodes have members too.
 *
 * <p>Threading: confined to the thread routing the message.
 */
final class MatchedTargets implements SubscriptionIndex.MatchVisitor {

    /** Marks a node among the candidates of a shared group; no client id holds U+0000 [MQTT-1.5.4-2]. */
    private static final char NODE_MARK = '\0';

    private final String publisherId;
    private final boolean plain;
    private final Set<String> onlyGroups;
    private final Predicate<String> takes;
    /** This thread's, lent for this message: {@link #release} when the message is handed out. */
    final Targets targets = Targets.borrow();
    /** By shared filter text: the local members; null until one matches. */
    private Map<String, List<Target>> sharedGroups;
    /** The last copy made for a target without subscription identifiers, shared by the next equal one. */
    private Delivery plainCopy;

    /**
     * @param plain      whether non-shared subscriptions take the message
     * @param onlyGroups the shared subscriptions (filter text) that take it, or null for every one
     */
    MatchedTargets(String publisherId, boolean plain, Set<String> onlyGroups) {
        this(publisherId, plain, onlyGroups, null);
    }

    /**
     * @param takes the sessions (client ids) whose non-shared subscriptions may take the message, or
     *              null for every one; shared groups pick among all their local members
     */
    MatchedTargets(String publisherId, boolean plain, Set<String> onlyGroups, Predicate<String> takes) {
        this.publisherId = publisherId;
        this.plain = plain;
        this.onlyGroups = onlyGroups;
        this.takes = takes;
    }

    @Override
    public void visit(String clientId, TopicFilter filter, SubscriptionOptions options) {
        if (filter.isShared()) {
            if (onlyGroups != null && !onlyGroups.contains(filter.value())) {
                return;
            }
            if (sharedGroups == null) {
                sharedGroups = new HashMap<>();
            }
            Target member = new Target(clientId);
            member.add(options);
            sharedGroups.computeIfAbsent(filter.value(), k -> new ArrayList<>()).add(member);
            return;
        }
        if (!plain || options.noLocal() && clientId.equals(publisherId) || takes != null && !takes.test(clientId)) {
            return;
        }
        targets.getOrAdd(clientId).add(options);
    }

    /**
     * The copy for {@code target}. Targets without subscription identifiers that get the same
     * QoS and RETAIN share one copy (the common fan-out), so that it is made once, not once
     * per session.
     */
    Delivery deliveryFor(Target target, ApplicationMessage message) {
        if (target.hasSubscriptionIds()) {
            return target.toDelivery(message);
        }
        Delivery shared = plainCopy;
        if (shared == null || !target.sameCopyAs(shared.message(), message)) {
            shared = target.toDelivery(message);
            plainCopy = shared;
        }
        return shared;
    }

    /**
     * Picks one member of each shared group. With {@code remote} (other nodes' members, or null),
     * a group's candidates are its local members and the nodes that have members, and a node
     * picked takes the group in its share of the message.
     */
    void pickSharedMembers(SharedSubscriptionPicker picker, SessionRegistry sessions, RemoteTargets remote) {
        if (sharedGroups != null) {
            for (Map.Entry<String, List<Target>> group : sharedGroups.entrySet()) {
                List<String> nodes = remote == null ? null : remote.takeCandidates(group.getKey());
                if (nodes == null) {
                    addTarget(picker.pick(group.getKey(), group.getValue(), t -> t.clientId, t -> isOnline(sessions, t)));
                } else {
                    pickAcrossNodes(picker, sessions, remote, group.getKey(), group.getValue(), nodes);
                }
            }
        }
        if (remote != null) {
            remote.remainingCandidates().forEach((group, nodes) ->
                    remote.choose(picker.pick(group, nodes, node -> NODE_MARK + node, node -> true), group));
        }
    }

    private void pickAcrossNodes(SharedSubscriptionPicker picker, SessionRegistry sessions, RemoteTargets remote,
            String group, List<Target> locals, List<String> nodes) {
        List<Candidate> candidates = new ArrayList<>(locals.size() + nodes.size());
        locals.forEach(t -> candidates.add(new Candidate(t, null)));
        nodes.forEach(n -> candidates.add(new Candidate(null, n)));
        // A node counts as online: it prefers its own online members when it hands the message on.
        Candidate chosen = picker.pick(group, candidates,
                c -> c.member != null ? c.member.clientId : NODE_MARK + c.node,
                c -> c.member == null || isOnline(sessions, c.member));
        if (chosen.member != null) {
            addTarget(chosen.member);
        } else {
            remote.choose(chosen.node, group);
        }
    }

    /** The chosen member's options go into the session's target (a new one is as if empty). */
    private void addTarget(Target chosen) {
        targets.getOrAdd(chosen.clientId).merge(chosen);
    }

    /** The message is handed out: the targets go back to this thread for the next one. */
    void release() {
        targets.release();
    }

    private static boolean isOnline(SessionRegistry sessions, Target member) {
        ClientSession s = sessions.get(member.clientId);
        return s != null && s.isOnline();
    }

    /** A member of a shared group cluster-wide: a local session, or another node. */
    private record Candidate(Target member, String node) {
    }
}
