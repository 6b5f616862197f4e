package dev.tern.application.retained;

import dev.tern.application.config.LimitsSettings;
import dev.tern.application.config.RetainedOverflow;
import dev.tern.application.limits.LimitCounters;
import dev.tern.application.limits.LimitCounters.Limit;
import dev.tern.application.logging.LogThrottle;
import dev.tern.application.storage.PendingAck;
import dev.tern.application.storage.StateRecorder;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.MessageProperties;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retained message of each topic (3.3.1.3). A message with an empty payload deletes the
 * topic's retained message and is not stored [MQTT-3.3.1-10/11].
 *
 * <p>Bounded by {@code limits.retained.max-messages} and {@code max-bytes} (payload plus topic, as
 * {@link #bytesOf} counts): a message that would pass either is refused, or makes room by deleting
 * the messages retained longest ago, as {@code limits.retained.when-full} says; each refusal and
 * eviction is counted, and logged at most once a minute. The counts live here, in front of the
 * store, so they hold for every storage backend: restored messages are counted as they are loaded.
 *
 * <p>Threading: thread-safe; publishes and subscribes on any event loop. Reads take no lock;
 * setting or deleting a retained message takes this object's lock, so that the bounds are never
 * passed by two publishers at once and the topic tree has one writer (retained publishes are rare
 * next to plain ones).
 */
public final class RetainedMessages {

    private static final Logger LOG = LoggerFactory.getLogger(RetainedMessages.class);

    private final ConcurrentHashMap<String, ApplicationMessage> byTopic = new ConcurrentHashMap<>();
    /** The topics of {@code byTopic}, changed under this object's lock. */
    private final RetainedTopicTree topics = new RetainedTopicTree();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final StateRecorder recorder;
    private final long maxMessages;
    private final long maxBytes;
    private final LimitCounters counters;
    /** Null unless {@code drop-oldest}: refusing needs no order. */
    private final RetainedOrder order;
    private final LogThrottle limitLog;
    private final RetainedChanges changes;

    public RetainedMessages(StateRecorder recorder, LimitsSettings limits, LimitCounters counters, Clock clock) {
        this(recorder, limits, counters, clock, RetainedChanges.NONE);
    }

    /** @param changes hears what this node sets and deletes (a cluster tells the other nodes) */
    public RetainedMessages(StateRecorder recorder, LimitsSettings limits, LimitCounters counters, Clock clock,
            RetainedChanges changes) {
        this.changes = changes;
        this.recorder = recorder;
        this.maxMessages = limits.maxRetainedMessages();
        this.maxBytes = limits.maxRetainedBytes();
        this.counters = counters;
        this.order = limits.retainedWhenFull() == RetainedOverflow.DROP_OLDEST ? new RetainedOrder(byTopic) : null;
        this.limitLog = new LogThrottle(clock, Duration.ofMinutes(1));
    }

    /**
     * Stores or deletes the retained message of {@code message}'s topic; {@code ack} waits for the
     * store. False when the message was refused at the limits (nothing changed).
     */
    public boolean retain(ApplicationMessage message, PendingAck ack) {
        if (message.payload().isEmpty()) {
            if (removeTopic(message.topic()) != null) {
                recorder.retainedDeleted(message.topic(), ack);
            }
            changes.changed(message);
            return true;
        }
        synchronized (this) {
            if (!makeRoom(message)) {
                counters.hit(Limit.RETAINED_REFUSED);
                logLimit("refused a retained message on " + message.topic().value());
                return false;
            }
            put(message);
        }
        recorder.retained(message, ack);
        changes.changed(message);
        return true;
    }

    /** Puts back a retained message loaded from the store at start-up; the limits do not apply to it. */
    public synchronized void restore(ApplicationMessage message) {
        put(message);
    }

    /**
     * Applies a change another node of the cluster made (an empty payload deletes), in memory only:
     * that node stored it and checked the limits, so neither is done again here.
     */
    public void applyRemote(ApplicationMessage message) {
        if (message.payload().isEmpty()) {
            removeTopic(message.topic());
            return;
        }
        restore(message);
    }

    /**
     * Replaces every retained message in memory with {@code loaded} (read back from the store, which
     * the cluster's nodes share), after changes from other nodes may have been missed.
     */
    public synchronized void replaceAll(List<ApplicationMessage> loaded) {
        for (ApplicationMessage message : byTopic.values()) {
            removeIfCurrent(message);
        }
        loaded.forEach(this::put);
    }

    /**
     * The retained messages whose topic matches {@code filter} and that have not expired. The
     * topic tree leads to the branches the filter can match, so that a subscribe costs what it
     * finds, not every retained message (a new topic costs its retained publish a few tree nodes).
     */
    public List<ApplicationMessage> matching(TopicFilter filter, long nowMillis) {
        List<ApplicationMessage> found = new ArrayList<>();
        List<ApplicationMessage> expired = new ArrayList<>(0);
        topics.forEachCandidate(filter, topic -> {
            ApplicationMessage message = byTopic.get(topic);
            if (message != null && filter.matches(message.topic())) {
                (message.isExpiredAt(nowMillis) ? expired : found).add(message);
            }
        });
        expired.forEach(this::removeIfCurrent);
        return found;
    }

    /** The retained message of {@code topic}, or null; may be expired (it is dropped on the next match). */
    public ApplicationMessage get(String topic) {
        return byTopic.get(topic);
    }

    /** Deletes the retained message of {@code topic}, as an empty retained PUBLISH would; true if there was one. */
    public boolean delete(TopicName topic) {
        if (removeTopic(topic) == null) {
            return false;
        }
        recorder.retainedDeleted(topic, null);
        changes.changed(deletion(topic));
        return true;
    }

    public int size() {
        return byTopic.size();
    }

    /** The bytes held, as the byte limit counts them. */
    public long bytes() {
        return bytes.get();
    }

    /** The message that deletes {@code topic}'s retained message: an empty payload, made by the broker. */
    private static ApplicationMessage deletion(TopicName topic) {
        return new ApplicationMessage(topic, Payload.EMPTY, Qos.AT_MOST_ONCE, true, MessageProperties.NONE, "",
                ApplicationMessage.NEVER);
    }

    /** What the byte limit counts of a retained message: its payload and its topic. */
    static long bytesOf(ApplicationMessage message) {
        return (long) message.payload().size() + message.topic().value().length();
    }

    /** Under the lock: whether {@code message} fits, after evicting the oldest messages if the policy allows. */
    private boolean makeRoom(ApplicationMessage message) {
        long size = bytesOf(message);
        if (size > maxBytes) {
            return false;
        }
        while (!fits(message, size)) {
            ApplicationMessage oldest = order == null ? null : order.pollOldest();
            if (oldest == null) {
                return false;
            }
            if (removeIfCurrent(oldest)) {
                recorder.retainedDeleted(oldest.topic(), null);
                changes.changed(deletion(oldest.topic()));
                counters.hit(Limit.RETAINED_EVICTED);
                logLimit("deleted the oldest retained message, on " + oldest.topic().value() + ", to make room");
            }
        }
        return true;
    }

    private boolean fits(ApplicationMessage message, long size) {
        ApplicationMessage replaced = byTopic.get(message.topic().value());
        long newCount = count.get() + (replaced == null ? 1 : 0);
        long newBytes = bytes.get() + size - (replaced == null ? 0 : bytesOf(replaced));
        return newCount <= maxMessages && newBytes <= maxBytes;
    }

    /** Under the lock. The counts follow what the map really held, even if an expiry removed it meanwhile. */
    private void put(ApplicationMessage message) {
        ApplicationMessage replaced = byTopic.put(message.topic().value(), message);
        bytes.addAndGet(bytesOf(message));
        if (replaced == null) {
            count.incrementAndGet();
            topics.add(message.topic());
        } else {
            bytes.addAndGet(-bytesOf(replaced));
        }
        if (order != null) {
            order.added(message);
        }
    }

    /** Removes {@code topic}'s retained message, returning it, or null when there was none. */
    private synchronized ApplicationMessage removeTopic(TopicName topic) {
        ApplicationMessage removed = byTopic.remove(topic.value());
        if (removed != null) {
            forgotten(removed);
            topics.remove(removed.topic());
        }
        return removed;
    }

    /** Removes {@code message} unless its topic holds another one by now; true when it did. */
    private synchronized boolean removeIfCurrent(ApplicationMessage message) {
        if (!byTopic.remove(message.topic().value(), message)) {
            return false;
        }
        forgotten(message);
        topics.remove(message.topic());
        return true;
    }

    /** A message the map no longer holds: called once per removal, by whoever removed it. */
    private void forgotten(ApplicationMessage message) {
        count.decrementAndGet();
        bytes.addAndGet(-bytesOf(message));
    }

    private void logLimit(String what) {
        LogThrottle.Admitted admitted = limitLog.admit();
        if (admitted != null) {
            LOG.warn("retained store at its limits ({} messages, {} bytes): {}{}", maxMessages, maxBytes, what,
                    admitted.hasUnlogged() ? "; " + admitted.count() + " more since " + admitted.since() : "");
        }
    }
}
