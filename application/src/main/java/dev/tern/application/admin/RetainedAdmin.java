package dev.tern.application.admin;

import dev.tern.application.port.in.admin.AdminOutcome;
import dev.tern.application.port.in.admin.Page;
import dev.tern.application.port.in.admin.PageRequest;
import dev.tern.application.port.in.admin.RetainedView;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The retained messages for administrators: listed by filter, read and deleted by topic. A delete
 * is stored as an empty retained PUBLISH's would be, and delivers nothing.
 *
 * <p>Threading: thread-safe, as {@link RetainedMessages} is.
 */
final class RetainedAdmin {

    private final RetainedMessages retained;
    private final Clock clock;

    RetainedAdmin(RetainedMessages retained, Clock clock) {
        this.retained = retained;
        this.clock = clock;
    }

    Page<RetainedView> list(String filterText, PageRequest page) {
        TopicFilter filter = TopicFilter.parse(filterText);
        List<RetainedView> found = retained.matching(filter, clock.millis()).stream().map(RetainedAdmin::view)
                .sorted(Comparator.comparing(RetainedView::topic)).toList();
        return Page.of(found, page);
    }

    Optional<RetainedView> get(String topic) {
        ApplicationMessage message = retained.get(topic);
        if (message == null || message.isExpiredAt(clock.millis())) {
            return Optional.empty();
        }
        return Optional.of(view(message));
    }

    AdminOutcome delete(String topic) {
        TopicName name = TopicName.parseOrNull(topic);
        if (name == null) {
            return new AdminOutcome.Rejected("topic", "not a valid topic name: " + topic);
        }
        return retained.delete(name) ? new AdminOutcome.Done("deleted the retained message of " + topic)
                : new AdminOutcome.NotFound("no retained message on " + topic);
    }

    private static RetainedView view(ApplicationMessage message) {
        return new RetainedView(message.topic().value(), message.payload().toByteArray(), message.qos().value(),
                message.publisherId());
    }
}
