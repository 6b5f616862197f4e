package dev.tern.application.protocol;

/**
 * The topic aliases one MQTT 5 client set for its PUBLISHes (3.3.2.3.4), valid for the life of the
 * network connection only.
 *
 * <p>Threading: confined to the connection's executor.
 */
final class InboundTopicAliases {

    /** What resolving a PUBLISH's topic gave: the topic, or why the connection must end. */
    record Resolution(String topic, int reasonCode, String problem) {
        static Resolution topic(String topic) {
            return new Resolution(topic, 0, null);
        }

        static Resolution error(int reasonCode, String problem) {
            return new Resolution(null, reasonCode, problem);
        }

        boolean failed() {
            return topic == null;
        }
    }

    private final int maximum;
    private String[] topics;

    InboundTopicAliases(int maximum) {
        this.maximum = maximum;
    }

    /**
     * The topic of a PUBLISH carrying alias {@code alias} (0 when it has none): a non-empty topic
     * sets the alias, an empty one uses it.
     */
    Resolution resolve(String topic, int alias) {
        if (alias == 0) {
            return topic.isEmpty() ? Resolution.error(0x82, "empty topic without a topic alias")
                    : Resolution.topic(topic);
        }
        if (alias > maximum) {
            // 3.3.2.3.4: an alias above the announced maximum is a Topic Alias invalid error.
            return Resolution.error(0x94, "topic alias " + alias + " above the maximum " + maximum);
        }
        if (topics == null) {
            topics = new String[maximum + 1];
        }
        if (!topic.isEmpty()) {
            topics[alias] = topic;
            return Resolution.topic(topic);
        }
        String known = topics[alias];
        return known == null ? Resolution.error(0x82, "unknown topic alias " + alias) : Resolution.topic(known);
    }
}
