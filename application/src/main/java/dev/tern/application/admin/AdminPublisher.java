package dev.tern.application.admin;

import dev.tern.application.port.in.admin.AdminOutcome;
import dev.tern.application.port.in.admin.AdminPublish;
import dev.tern.application.service.PublishService;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.MessageProperties;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import dev.tern.domain.topic.TopicName;

/**
 * Publishes an administrator's message through the broker's publish path, as a client's PUBLISH
 * is routed: retained, matched, delivered, reported as an event with publisher {@value #PUBLISHER}.
 * The authorizer is not asked: it decides for MQTT identities, and the API key that got the
 * request this far is the authority. Topics beginning with {@code $} are the broker's own.
 *
 * <p>Threading: thread-safe, as {@link PublishService} is.
 */
final class AdminPublisher {

    static final String PUBLISHER = "$admin";

    private final PublishService publisher;

    AdminPublisher(PublishService publisher) {
        this.publisher = publisher;
    }

    AdminOutcome publish(AdminPublish request) {
        TopicName topic = TopicName.parseOrNull(request.topic());
        if (topic == null) {
            return new AdminOutcome.Rejected("topic", "not a valid topic name: " + request.topic());
        }
        if (topic.isSystemTopic()) {
            return new AdminOutcome.Rejected("topic", "topics beginning with $ are the broker's own");
        }
        MessageProperties properties = request.userProperties().isEmpty() ? MessageProperties.NONE
                : new MessageProperties(null, null, null, null, request.userProperties());
        ApplicationMessage message = new ApplicationMessage(topic, Payload.copyOf(request.payload()),
                Qos.of(request.qos()), request.retain(), properties, PUBLISHER, ApplicationMessage.NEVER);
        int receivers = publisher.publish(message);
        if (receivers == PublishService.REFUSED) {
            return new AdminOutcome.Refused("the retained store is full (limits.retained.*): not published");
        }
        return new AdminOutcome.Done("published to " + request.topic() + ", " + receivers + " receiver(s)");
    }
}
