package dev.tern.application.port.out;

import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;

/**
 * Decides what an authenticated client may publish, subscribe to and read. Called for every
 * PUBLISH, every filter of a SUBSCRIBE and, unless it is {@link #ALLOW_ALL}, every message sent to
 * a client, so implementations answer from memory, without blocking.
 *
 * <p>Threading: thread-safe; called on event loops.
 */
public interface Authorizer {

    /** Everything is allowed. */
    Authorizer ALLOW_ALL = new Authorizer() {
        @Override
        public boolean canPublish(ClientIdentity client, TopicName topic) {
            return true;
        }

        @Override
        public boolean canSubscribe(ClientIdentity client, TopicFilter filter) {
            return true;
        }
    };

    boolean canPublish(ClientIdentity client, TopicName topic);

    /** Whether the client may subscribe to {@code filter} (for a shared subscription, its topic filter part). */
    boolean canSubscribe(ClientIdentity client, TopicFilter filter);

    /**
     * Whether a message on {@code topic} may be sent to the client, checked as it is sent: rights
     * withdrawn after the client subscribed (an edited and reloaded ACL) stop its deliveries. By
     * default, whether it could subscribe to the topic itself.
     */
    default boolean canRead(ClientIdentity client, TopicName topic) {
        return canSubscribe(client, TopicFilter.parse(topic.value()));
    }
}
