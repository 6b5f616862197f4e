package dev.tern.bootstrap.security;

import dev.tern.application.port.out.ClientIdentity;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The parsed ACL file: rules for anonymous clients, per user, and patterns for everyone.
 * Everything not granted is refused, and a matching deny beats any grant.
 *
 * <ul>
 *   <li>Publish to a topic: allowed when a write rule matches it and no deny rule does.</li>
 *   <li>Subscribe to a filter: allowed when a read rule covers every topic the filter can match
 *       and no deny rule refuses it, which {@link WildcardSubscriptions} decides: a deny rule that
 *       covers the whole filter (lenient) or one that shares any topic with it (strict).</li>
 *   <li>Read a message as it is delivered: allowed when a read rule matches its topic and no deny
 *       rule does. This per-message check is what withholds the denied topics a leniently granted
 *       wildcard subscription reaches.</li>
 * </ul>
 *
 * <p>Threading: immutable.
 */
public record AclRules(List<AclRule> anonymous, Map<String, List<AclRule>> users, List<AclRule> patterns) {

    public AclRules {
        anonymous = List.copyOf(anonymous);
        users = Map.copyOf(users);
        patterns = List.copyOf(patterns);
    }

    public boolean canPublish(ClientIdentity client, TopicName topic) {
        return allows(client, topic, AclAccess::allowsWrite);
    }

    /** Whether a message on {@code topic} may still be sent to the client (checked per delivery). */
    public boolean canRead(ClientIdentity client, TopicName topic) {
        return allows(client, topic, AclAccess::allowsRead);
    }

    /** A matching deny wins; otherwise some matching rule must grant {@code access}. */
    private boolean allows(ClientIdentity client, TopicName topic, Predicate<AclAccess> access) {
        boolean granted = false;
        for (AclRule rule : rulesFor(client)) {
            TopicFilter filter = rule.resolve(client);
            if (filter == null || !filter.matches(topic)) {
                continue;
            }
            if (rule.access() == AclAccess.DENY) {
                return false;
            }
            granted |= access.test(rule.access());
        }
        return granted;
    }

    public boolean canSubscribe(ClientIdentity client, TopicFilter requested, WildcardSubscriptions wildcards) {
        TopicFilter matched = requested.isShared() ? TopicFilter.parse(requested.filter()) : requested;
        boolean granted = false;
        for (AclRule rule : rulesFor(client)) {
            TopicFilter filter = rule.resolve(client);
            if (filter == null) {
                continue;
            }
            if (rule.access() == AclAccess.DENY) {
                if (wildcards.refuses(filter, matched)) {
                    return false;
                }
            } else if (rule.access().allowsRead() && FilterRelations.covers(filter, matched)) {
                granted = true;
            }
        }
        return granted;
    }

    private List<AclRule> rulesFor(ClientIdentity client) {
        List<AclRule> own = client.username() == null ? anonymous : users.getOrDefault(client.username(), List.of());
        List<AclRule> all = new ArrayList<>(own.size() + patterns.size());
        all.addAll(own);
        all.addAll(patterns);
        return all;
    }
}
