package dev.tern.domain.topic;

/**
 * The rules a topic filter must follow. Each check returns a problem description, or null when
 * the text is valid, so that decoders can reject a filter without paying for an exception.
 */
final class TopicFilterSyntax {

    static final String SHARE_PREFIX = "$share/";

    private TopicFilterSyntax() {
    }

    /** Checks a whole filter as sent, consistent with the given share group and matched part. */
    static String problem(String value, String shareGroup, String filter) {
        if (value == null || filter == null) {
            return "topic filter must not be null";
        }
        if (!value.startsWith(SHARE_PREFIX)) {
            if (shareGroup != null || !filter.equals(value)) {
                return "share group and filter must be parsed from the value: " + value;
            }
            return filterProblem(filter);
        }
        if (shareGroup == null || !isSplitOf(value, shareGroup, filter)) {
            return "share group and filter must be parsed from the value: " + value;
        }
        String groupProblem = shareGroupProblem(shareGroup);
        if (groupProblem != null) {
            return groupProblem;
        }
        if (filter.isEmpty()) {
            return "shared subscription needs a topic filter after the share name [MQTT-4.8.2-2]: " + value;
        }
        return filterProblem(filter);
    }

    /** Checks the part of a filter that is matched against topic names. */
    static String filterProblem(String filter) {
        if (filter.isEmpty()) {
            return "topic filter must not be empty [MQTT-4.7.3-1]";
        }
        int last = filter.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = filter.charAt(i);
            boolean startsLevel = i == 0 || filter.charAt(i - 1) == '/';
            if (c == 0) {
                return "topic filter must not contain U+0000 [MQTT-4.7.3-2]";
            }
            if (c == '#' && (!startsLevel || i != last)) {
                return "'#' must be alone in the last level of the filter [MQTT-4.7.1-2]: " + filter;
            }
            if (c == '+' && (!startsLevel || (i != last && filter.charAt(i + 1) != '/'))) {
                return "'+' must occupy an entire level of the filter [MQTT-4.7.1-3]: " + filter;
            }
        }
        return null;
    }

    private static String shareGroupProblem(String group) {
        if (group.isEmpty()) {
            return "share name must be at least one character long [MQTT-4.8.2-1]";
        }
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            if (c == '+' || c == '#' || c == '/') {
                return "share name must not contain '/', '+' or '#' [MQTT-4.8.2-2]: " + group;
            }
            if (c == 0) {
                return "share name must not contain U+0000 [MQTT-4.7.3-2]";
            }
        }
        return null;
    }

    /**
     * True when value is exactly {@code $share/} + group + {@code /} + filter, checked without
     * building that string; {@code $share/group} alone splits into the group and an empty filter.
     */
    private static boolean isSplitOf(String value, String group, String filter) {
        int groupEnd = SHARE_PREFIX.length() + group.length();
        if (!value.startsWith(group, SHARE_PREFIX.length())) {
            return false;
        }
        if (value.length() == groupEnd) {
            return filter.isEmpty();
        }
        return value.length() == groupEnd + 1 + filter.length()
                && value.charAt(groupEnd) == '/'
                && value.startsWith(filter, groupEnd + 1);
    }
}
