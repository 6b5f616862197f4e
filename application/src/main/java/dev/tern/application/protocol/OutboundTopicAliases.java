package dev.tern.application.protocol;

import dev.tern.application.config.MqttSettings;
import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
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

    private final int maximum;
    private final Map<String, Integer> aliases = new HashMap<>();

    OutboundTopicAliases(int maximum) {
        this.maximum = maximum;
    }

    /**
     * The PUBLISH as it goes out: with a Topic Alias, and without its topic once the alias is known.
     * A new alias is not assigned when the property would push the packet over the client's
     * Maximum Packet Size (MQTT 5 [MQTT-3.1.2-24]): the PUBLISH then goes out as it is, which fits.
     */
    Publish apply(Publish publish, int maximumPacketSize) {
        Integer known = aliases.get(publish.topic());
        if (known != null) {
            return withAlias(publish, known, false);
        }
        if (aliases.size() >= maximum) {
            return publish;
        }
        int alias = aliases.size() + 1;
        Publish aliased = withAlias(publish, alias, true);
        if (maximumPacketSize < MqttSettings.PROTOCOL_MAX_PACKET_SIZE
                && PacketEncoder.encodedSize(aliased, ProtocolVersion.MQTT_5) > maximumPacketSize) {
            return publish;
        }
        aliases.put(publish.topic(), alias);
        return aliased;
    }

    private static Publish withAlias(Publish publish, int alias, boolean sendTopic) {
        Properties props = Properties.concat(publish.properties(),
                Properties.builder().integer(PropertyId.TOPIC_ALIAS, alias).build());
        return new Publish(publish.dup(), publish.qos(), publish.retain(), sendTopic ? publish.topic() : "",
                publish.packetId(), props, publish.payload());
    }
}
