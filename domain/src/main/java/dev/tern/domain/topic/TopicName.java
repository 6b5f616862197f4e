package dev.tern.domain.topic;

/**
 * The topic of a PUBLISH: at least one character, no wildcards [MQTT-3.3.2-2], no U+0000
 * [MQTT-4.7.3-2]. Length in UTF-8 bytes is limited by the codec, which sees the bytes.
 */
public record TopicName(String value) {

    public TopicName {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("topic name must not be empty [MQTT-4.7.3-1]");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+' || c == '#') {
                throw new IllegalArgumentException("topic name must not contain wildcards [MQTT-3.3.2-2]");
            }
            if (c == 0) {
                throw new IllegalArgumentException("topic name must not contain U+0000 [MQTT-4.7.3-2]");
            }
        }
    }

    /** Null when {@code value} is not a valid topic name; lets decoders avoid exceptions. */
    public static TopicName parseOrNull(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+' || c == '#' || c == 0) {
                return null;
            }
        }
        return new TopicName(value);
    }

    /** The levels of this topic, empty ones included; a fresh array on every call. */
    public String[] levels() {
        return TopicLevels.split(value);
    }

    /** Topics beginning with {@code $} are not matched by a leading wildcard [MQTT-4.7.2-1]. */
    public boolean isSystemTopic() {
        return value.charAt(0) == '$';
    }

    @Override
    public String toString() {
        return value;
    }
}
