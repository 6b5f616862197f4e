package dev.tern.application.retained;

import dev.tern.domain.message.ApplicationMessage;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * The retained messages in the order they were set, for {@code drop-oldest}: the head is the
 * message retained longest ago that is still current. A message replaced or deleted since stays
 * in the deque until it reaches the head or a compaction, and is skipped: a retained publish costs
 * one append, never a search. Compaction runs when stale entries outnumber live ones, so the deque
 * holds at most about twice the retained messages.
 *
 * <p>Threading: not thread-safe; used under the lock of {@link RetainedMessages}.
 */
final class RetainedOrder {

    private static final int COMPACTION_SLACK = 1024;

    private final ArrayDeque<ApplicationMessage> order = new ArrayDeque<>();
    private final Map<String, ApplicationMessage> current;

    /** @param current the live retained messages by topic, which decide what is stale */
    RetainedOrder(Map<String, ApplicationMessage> current) {
        this.current = current;
    }

    void added(ApplicationMessage message) {
        order.addLast(message);
        if (order.size() > 2L * current.size() + COMPACTION_SLACK) {
            order.removeIf(this::isStale);
        }
    }

    /** Removes and returns the oldest live message, or null when there is none. */
    ApplicationMessage pollOldest() {
        for (ApplicationMessage head = order.pollFirst(); head != null; head = order.pollFirst()) {
            if (!isStale(head)) {
                return head;
            }
        }
        return null;
    }

    private boolean isStale(ApplicationMessage message) {
        return current.get(message.topic().value()) != message;
    }
}
