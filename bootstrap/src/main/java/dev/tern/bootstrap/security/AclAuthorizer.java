package dev.tern.bootstrap.security;

import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.ClientIdentity;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Answers publish, subscribe and read checks from the current ACL rules (see {@link AclFile}), which
 * the file watcher swaps in when the file changes.
 *
 * <p>Threading: thread-safe; answers from memory without blocking, as event loops require.
 */
public final class AclAuthorizer implements Authorizer {

    private final Supplier<AclRules> rules;
    private final WildcardSubscriptions wildcards;

    public AclAuthorizer(Supplier<AclRules> rules, WildcardSubscriptions wildcards) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.wildcards = Objects.requireNonNull(wildcards, "wildcards");
    }

    @Override
    public boolean canPublish(ClientIdentity client, TopicName topic) {
        return rules.get().canPublish(client, topic);
    }

    @Override
    public boolean canSubscribe(ClientIdentity client, TopicFilter filter) {
        return rules.get().canSubscribe(client, filter, wildcards);
    }

    @Override
    public boolean canRead(ClientIdentity client, TopicName topic) {
        return rules.get().canRead(client, topic);
    }
}
