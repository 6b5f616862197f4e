package dev.tern.bootstrap.security;

import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.ClientIdentity;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.function.Supplier;

/**
 * Answers publish, subscribe and read checks from the current ACL rules (see {@link AclFile}), which
 * the file watcher swaps in when the file changes.
 *
 * <p>Threading: thread-safe; answers from memory without blocking, as event loops require.
 */
public final class AclAuthorizer implements Authorizer {

    private final Supplier<AclRules> rules;

    public AclAuthorizer(Supplier<AclRules> rules) {
        this.rules = rules;
    }

    @Override
    public boolean canPublish(ClientIdentity client, TopicName topic) {
        return rules.get().canPublish(client, topic);
    }

    @Override
    public boolean canSubscribe(ClientIdentity client, TopicFilter filter) {
        return rules.get().canSubscribe(client, filter);
    }

    @Override
    public boolean canRead(ClientIdentity client, TopicName topic) {
        return rules.get().canRead(client, topic);
    }
}
