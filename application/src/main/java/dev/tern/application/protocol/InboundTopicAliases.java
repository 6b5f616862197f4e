package dev.tern.application.protocol;

import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.ReasonCode;

/**
 * The topic aliases one MQTT 5 client set for its PUBLISHes (3.3.2.3.4), valid for the life of the
 * network connection only.
 *
 * <p>Threading: confined to the connection's executor.
 */
final class InboundTopicAliases {

    /** What resolving a PUBLISH's topic gave: the PUBLISH with its topic, or why the connection must end. */
    record Resolution(Publish publish, int reasonCode, String problem) {
        static Resolution error(int reasonCode, String problem) {
            return new Resolution(null, reasonCode, problem);
        }

        boolean failed() {
            return publish == null;
        }
    }

    private final int maximum;
    private String[] topics;

    InboundTopicAliases(int maximum) {
        this.maximum = maximum;
    }

    /** A PUBLISH with a Topic Alias: a non-empty topic sets the alias, an empty one uses it. */
    Resolution resolve(Publish publish) {
        String topic = publish.topic();
        int alias = (int) publish.properties().integer(PropertyId.TOPIC_ALIAS, -1);
        if (alias < 0) {
            return topic.isEmpty() ? Resolution.error(ReasonCode.PROTOCOL_ERROR, "empty topic without a topic alias")
                    : new Resolution(publish, 0, null);
        }
        if (alias == 0) {
            return Resolution.error(ReasonCode.TOPIC_ALIAS_INVALID, "topic alias 0 [MQTT-3.3.2-8]");
        }
        if (alias > maximum) {
            // 3.3.2.3.4: an alias above the announced maximum is a Topic Alias invalid error.
            return Resolution.error(ReasonCode.TOPIC_ALIAS_INVALID, "topic alias " + alias + " above the maximum " + maximum);
        }
        if (topics == null) {
            topics = new String[maximum + 1];
        }
        if (!topic.isEmpty()) {
            topics[alias] = topic;
            return new Resolution(publish, 0, null);
        }
        String known = topics[alias];
        if (known == null) {
            return Resolution.error(ReasonCode.PROTOCOL_ERROR, "unknown topic alias " + alias);
        }
        return new Resolution(new Publish(publish.dup(), publish.qos(), publish.retain(), known, publish.packetId(),
                publish.properties(), publish.payload()), 0, null);
    }
}
