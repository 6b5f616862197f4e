package dev.tern.application.protocol;

import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.Publish;

import java.util.HashMap;
import java.util.Map;

/**
 * Topic aliases the broker assigns to the topics it sends one MQTT 5 client, within the Topic
 * Alias Maximum the client announced (3.3.2.3.4). Policy: the first topics sent get the aliases
 * and keep them for the connection; once all are taken, other topics go out in full. Simple, and
 * right for the common case of a device receiving a few topics again and again.
 *
 * <p>Threading: confined to the connection's executor.
 */
final class OutboundTopicAliases {

    /** How one topic goes out: {@code alias} 0 for none; {@code sendTopic} false when the alias alone names it. */
    record Choice(int alias, boolean sendTopic) {
        static final Choice NONE = new Choice(0, true);
    }

    private final int maximum;
    private final Map<String, Integer> aliases = new HashMap<>();

    OutboundTopicAliases(int maximum) {
        this.maximum = maximum;
    }

    /** The PUBLISH as it goes out: with a Topic Alias, and without its topic once the alias is known. */
    Publish apply(Publish publish) {
        Choice choice = choose(publish.topic());
        if (choice.alias() == 0) {
            return publish;
        }
        Properties props = Properties.concat(publish.properties(),
                Properties.builder().integer(PropertyId.TOPIC_ALIAS, choice.alias()).build());
        return new Publish(publish.dup(), publish.qos(), publish.retain(), choice.sendTopic() ? publish.topic() : "",
                publish.packetId(), props, publish.payload());
    }

    private Choice choose(String topic) {
        Integer known = aliases.get(topic);
        if (known != null) {
            return new Choice(known, false);
        }
        if (aliases.size() >= maximum) {
            return Choice.NONE;
        }
        int alias = aliases.size() + 1;
        aliases.put(topic, alias);
        return new Choice(alias, true);
    }
}
