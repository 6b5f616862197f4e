package dev.tern.domain.topic;

/**
 * A topic filter as sent in SUBSCRIBE or UNSUBSCRIBE, validated when built.
 *
 * <p>A filter of the form {@code $share/{group}/{filter}} is a shared subscription [MQTT-4.8.2-1]:
 * {@code shareGroup} holds the group and {@code filter} the part that is matched against topic
 * names. For any other filter, {@code shareGroup} is null and {@code filter} equals {@code value}.
 * Whether a protocol version may use shared subscriptions is decided by the caller.
 *
 * @param value      the full text as sent; the identity of the subscription
 * @param shareGroup the share name, or null when the subscription is not shared
 * @param filter     the part matched against topic names
 */
public record TopicFilter(String value, String shareGroup, String filter) {

    public TopicFilter {
        String problem = TopicFilterSyntax.problem(value, shareGroup, filter);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** @throws IllegalArgumentException naming the broken rule when {@code text} is not a valid filter */
    public static TopicFilter parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("topic filter must not be null");
        }
        return new TopicFilter(text, shareGroupOf(text), filterOf(text));
    }

    /** Null when {@code text} is not a valid filter; lets the engine answer SUBACK 0x8F without exceptions. */
    public static TopicFilter parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String group = shareGroupOf(text);
        String filter = filterOf(text);
        if (TopicFilterSyntax.problem(text, group, filter) != null) {
            return null;
        }
        return new TopicFilter(text, group, filter);
    }

    public boolean isShared() {
        return shareGroup != null;
    }

    public boolean hasWildcards() {
        return filter.indexOf('+') >= 0 || filter.indexOf('#') >= 0;
    }

    /** The levels of the matched part, empty ones included; a fresh array on every call. */
    public String[] levels() {
        return TopicLevels.split(filter);
    }

    /**
     * Whether this filter matches {@code topic}, compared level by level in place. A filter that
     * begins with a wildcard does not match a topic beginning with {@code $} [MQTT-4.7.2-1];
     * {@code +} matches one level, empty or not; {@code #} also matches the parent level, so
     * {@code sport/#} matches {@code sport} [MQTT-4.7.1-2].
     */
    public boolean matches(TopicName topic) {
        String name = topic.value();
        char first = filter.charAt(0);
        if (name.charAt(0) == '$' && (first == '+' || first == '#')) {
            return false;
        }
        int f = 0;
        int t = 0;
        while (true) {
            // Validation guarantees that '+' and '#' occupy whole levels.
            int filterEnd = levelEnd(filter, f);
            boolean wildcard = filterEnd == f + 1 && (filter.charAt(f) == '+' || filter.charAt(f) == '#');
            if (wildcard && filter.charAt(f) == '#') {
                return true;
            }
            int topicEnd = levelEnd(name, t);
            if (!wildcard && (filterEnd - f != topicEnd - t || !name.regionMatches(t, filter, f, filterEnd - f))) {
                return false;
            }
            boolean filterDone = filterEnd == filter.length();
            boolean topicDone = topicEnd == name.length();
            if (filterDone || topicDone) {
                return filterDone == topicDone || (topicDone && isMultiLevelTail(filterEnd));
            }
            f = filterEnd + 1;
            t = topicEnd + 1;
        }
    }

    /** True when the filter ends with {@code /#} starting at {@code index}. */
    private boolean isMultiLevelTail(int index) {
        return filter.length() == index + 2 && filter.charAt(index + 1) == '#';
    }

    private static int levelEnd(String text, int start) {
        int slash = text.indexOf('/', start);
        return slash < 0 ? text.length() : slash;
    }

    private static String shareGroupOf(String text) {
        if (!text.startsWith(TopicFilterSyntax.SHARE_PREFIX)) {
            return null;
        }
        int slash = text.indexOf('/', TopicFilterSyntax.SHARE_PREFIX.length());
        return text.substring(TopicFilterSyntax.SHARE_PREFIX.length(), slash < 0 ? text.length() : slash);
    }

    private static String filterOf(String text) {
        if (!text.startsWith(TopicFilterSyntax.SHARE_PREFIX)) {
            return text;
        }
        int slash = text.indexOf('/', TopicFilterSyntax.SHARE_PREFIX.length());
        return slash < 0 ? "" : text.substring(slash + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
