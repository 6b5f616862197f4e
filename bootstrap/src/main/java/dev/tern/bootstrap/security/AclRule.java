package dev.tern.bootstrap.security;

import dev.tern.application.port.out.ClientIdentity;
import dev.tern.domain.topic.TopicFilter;
import java.util.Objects;

/**
 * One {@code topic} or {@code pattern} line of the ACL file. A pattern's {@code %u} and {@code %c}
 * stand for the client's user name and client id.
 *
 * <p>An identity that could change the shape of a filter (it contains {@code /}, {@code +} or
 * {@code #}), and a missing user name for {@code %u}, can never widen access: such a pattern
 * grants nothing, and if it denies, it denies with {@code +} in place of the identity, that is, for
 * everyone's level.
 *
 * @param filter the filter text, placeholders included for a pattern
 */
public record AclRule(AclAccess access, String filter, boolean pattern) {

    public AclRule {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(filter, "filter");
        // Validated with a harmless stand-in so that a broken rule fails when the file is read.
        TopicFilter parsed = TopicFilter.parse(pattern ? substitute(filter, "u", "c") : filter);
        if (parsed.isShared()) {
            throw new IllegalArgumentException("an ACL filter cannot be a shared subscription: " + filter);
        }
    }

    /** The filter this rule means for {@code client}, or null when it grants nothing to it. */
    TopicFilter resolve(ClientIdentity client) {
        if (!pattern) {
            return TopicFilter.parse(filter);
        }
        boolean usesUser = filter.contains("%u");
        boolean usesClient = filter.contains("%c");
        String user = usesUser ? safe(client.username()) : "";
        String clientId = usesClient ? safe(client.clientId()) : "";
        if (user == null || clientId == null) {
            if (access != AclAccess.DENY) {
                return null;
            }
            return TopicFilter.parse(substitute(filter, user == null ? "+" : user, clientId == null ? "+" : clientId));
        }
        return TopicFilter.parse(substitute(filter, user, clientId));
    }

    private static String safe(String identity) {
        if (identity == null || identity.isEmpty() || identity.indexOf('/') >= 0 || identity.indexOf('+') >= 0
                || identity.indexOf('#') >= 0) {
            return null;
        }
        return identity;
    }

    private static String substitute(String filter, String user, String clientId) {
        return filter.replace("%u", user).replace("%c", clientId);
    }
}
