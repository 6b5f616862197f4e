package dev.tern.domain.topic;

/**
 * The reference the trie is checked against: the matching rules of MQTT 4.7 applied literally,
 * level by level on {@code String.split}, with no attempt at speed.
 */
public final class NaiveTopicMatcher {

    private NaiveTopicMatcher() {
    }

    public static boolean matches(String filter, String topic) {
        String[] filterLevels = filter.split("/", -1);
        String[] topicLevels = topic.split("/", -1);
        boolean leadingWildcard = filterLevels[0].equals("+") || filterLevels[0].equals("#");
        if (topic.startsWith("$") && leadingWildcard) {
            return false;
        }
        for (int i = 0; i < filterLevels.length; i++) {
            if (filterLevels[i].equals("#")) {
                return true;
            }
            if (i >= topicLevels.length) {
                return false;
            }
            if (!filterLevels[i].equals("+") && !filterLevels[i].equals(topicLevels[i])) {
                return false;
            }
        }
        return filterLevels.length == topicLevels.length;
    }
}
