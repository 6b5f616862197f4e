package dev.tern.domain.topic;

/**
 * Splits topic names and filters into their levels. Every {@code /} separates two levels, so
 * empty levels are kept: {@code "/a/"} has the three levels {@code "", "a", ""} [MQTT-4.7.1-1].
 */
final class TopicLevels {

    private TopicLevels() {
    }

    /** A fresh array the caller owns; one substring per level and no regular expression. */
    static String[] split(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '/') {
                count++;
            }
        }
        String[] levels = new String[count];
        int start = 0;
        for (int level = 0; level < count - 1; level++) {
            int end = text.indexOf('/', start);
            levels[level] = text.substring(start, end);
            start = end + 1;
        }
        levels[count - 1] = text.substring(start);
        return levels;
    }
}
