package dev.tern.application.limits;

import dev.tern.application.config.LimitsSettings;
import dev.tern.application.limits.LimitCounters.Limit;

/**
 * The per-client bounds on names and subscriptions: client id length, topic length and levels,
 * subscriptions per session. Each check that fails is counted in {@link LimitCounters}; what to
 * answer the client is the caller's choice (the reason codes differ by packet and version).
 * Nothing is allocated: lengths are counted in place, and only for strings long enough to matter.
 *
 * <p>Threading: immutable apart from the counters; thread-safe.
 */
public final class ResourceLimits {

    private final int maxSubscriptions;
    private final int maxTopicLength;
    private final int maxTopicLevels;
    private final int maxClientIdLength;
    private final LimitCounters counters;

    public ResourceLimits(LimitsSettings settings, LimitCounters counters) {
        this.maxSubscriptions = settings.maxSubscriptionsPerClient();
        this.maxTopicLength = settings.maxTopicLength();
        this.maxTopicLevels = settings.maxTopicLevels();
        this.maxClientIdLength = settings.maxClientIdLength();
        this.counters = counters;
    }

    /** Whether a client id is longer than allowed (counted when it is). */
    public boolean clientIdTooLong(String clientId) {
        if (utf8Length(clientId, maxClientIdLength) > maxClientIdLength) {
            counters.hit(Limit.CLIENT_ID_LENGTH);
            return true;
        }
        return false;
    }

    /**
     * Whether a topic name or filter is within the length and level bounds (counted when it is not).
     * A shared subscription's filter is checked whole, {@code $share/group/} included.
     */
    public boolean topicAllowed(String topic) {
        if (utf8Length(topic, maxTopicLength) > maxTopicLength) {
            counters.hit(Limit.TOPIC_LENGTH);
            return false;
        }
        // A topic of n characters has at most n + 1 levels (n separators, plus one).
        if (topic.length() >= maxTopicLevels && levels(topic) > maxTopicLevels) {
            counters.hit(Limit.TOPIC_LEVELS);
            return false;
        }
        return true;
    }

    /** Whether a session holding {@code held} subscriptions may add one more (counted when not). */
    public boolean roomForSubscription(int held) {
        if (held >= maxSubscriptions) {
            counters.hit(Limit.SUBSCRIPTIONS);
            return false;
        }
        return true;
    }

    /**
     * The UTF-8 length of {@code s}, or any number above {@code max} once it is sure to be above:
     * a char takes one to three bytes (a surrogate pair four, two each), so short strings need no count.
     */
    static int utf8Length(String s, int max) {
        int chars = s.length();
        if ((long) chars * 3 <= max) {
            return chars;
        }
        if (chars > max) {
            return chars;
        }
        int bytes = 0;
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static int levels(String topic) {
        int levels = 1;
        for (int i = 0; i < topic.length(); i++) {
            if (topic.charAt(i) == '/') {
                levels++;
            }
        }
        return levels;
    }
}
