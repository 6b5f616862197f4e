package dev.tern.application.routing;

/**
 * One level of a topic name, looked up in the trie's children without cutting it out of the
 * topic: its hash is the one {@link String#hashCode()} gives the level's text, and it equals a
 * {@link String} with the same characters, so a map keyed by level strings finds the child. Matching
 * a PUBLISH this way allocates no array of levels and no substring per level.
 *
 * <p>Only for lookups, and only where the probe's own {@code equals} is asked (the trie's maps
 * compare a looked-up key to their stored keys, never the reverse): a stored {@code String} does
 * not equal a probe. Mutable and reused level after level of one match.
 *
 * <p>Threading: confined to the thread of one match.
 */
final class LevelProbe {

    private String topic;
    private int start;
    private int end;
    private int hash;

    /** Points the probe at {@code topic}'s characters from {@code start} to {@code end} (exclusive). */
    LevelProbe at(String topic, int start, int end) {
        this.topic = topic;
        this.start = start;
        this.end = end;
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + topic.charAt(i);
        }
        this.hash = h;
        return this;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof String s && s.length() == end - start && topic.regionMatches(start, s, 0, end - start);
    }

    @Override
    public String toString() {
        return topic.substring(start, end);
    }
}
