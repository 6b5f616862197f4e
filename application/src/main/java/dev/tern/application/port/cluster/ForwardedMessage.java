package dev.tern.application.port.cluster;

import dev.tern.domain.message.ApplicationMessage;
import java.util.Set;

/**
 * A message published on one node, sent once to another node that has routes matching it. The
 * receiving node matches it against its own subscriptions again, so subscription identifiers, No
 * Local (by {@link ApplicationMessage#publisherId()}) and Retain As Published are its own.
 *
 * <p>The backend carries {@link ApplicationMessage#expiresAtMillis()} across as time left, so
 * that message expiry keeps counting down across the hop whatever the nodes' clocks say.
 *
 * @param id           one per publish, unique in the cluster ({@code node:sequence}) and the same
 *                     for every destination node, so that a receiver can drop a message it gets
 *                     twice after a failure, also when it gets it once directly and once from a
 *                     departed node's inbox it drains
 * @param message      as routed on the publishing node, RETAIN as published
 * @param plain        whether it goes to the receiving node's matching non-shared subscriptions
 * @param sharedGroups the shared subscriptions ({@code $share/group/filter}) the publishing node
 *                     chose the receiving node for; each gives the message to one of its local members
 * @param handedOver   empty, or the client id of a session that the sending node handed over to the
 *                     receiving node moments ago: the sender relays a message that reached it for
 *                     that session after it let the session go, and the message goes to that
 *                     session only, unless it got the same id directly (then neither
 *                     {@code plain} nor a shared group is set)
 */
public record ForwardedMessage(String id, ApplicationMessage message, boolean plain, Set<String> sharedGroups,
        String handedOver) {
    public ForwardedMessage {
        if (id == null || id.isEmpty() || message == null || sharedGroups == null || handedOver == null) {
            throw new IllegalArgumentException("forwarded message needs an id, a message and its shared groups");
        }
        if (!handedOver.isEmpty() && (plain || !sharedGroups.isEmpty())) {
            throw new IllegalArgumentException("a relayed message goes to its handed-over session only");
        }
        if (!plain && sharedGroups.isEmpty() && handedOver.isEmpty()) {
            throw new IllegalArgumentException("forwarded message goes nowhere: not plain and no shared group");
        }
        sharedGroups = Set.copyOf(sharedGroups);
    }

    /** A message for the receiving node's subscriptions, not relayed for a handed-over session. */
    public ForwardedMessage(String id, ApplicationMessage message, boolean plain, Set<String> sharedGroups) {
        this(id, message, plain, sharedGroups, "");
    }

    /** {@code message} relayed by the node that handed the session {@code clientId} over to the receiving node. */
    public static ForwardedMessage relayed(String id, ApplicationMessage message, String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            throw new IllegalArgumentException("a relayed message needs the handed-over session's client id");
        }
        return new ForwardedMessage(id, message, false, Set.of(), clientId);
    }

    /** Whether the sending node relays this for a session it handed over to the receiving node. */
    public boolean isRelayed() {
        return !handedOver.isEmpty();
    }
}
