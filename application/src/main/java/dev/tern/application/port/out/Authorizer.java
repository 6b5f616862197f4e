package dev.tern.application.port.out;

import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;

/**
 * Decides what an authenticated client may publish and subscribe to. Called for every PUBLISH and
 * every filter of a SUBSCRIBE, so implementations answer from memory, without blocking.
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
}
