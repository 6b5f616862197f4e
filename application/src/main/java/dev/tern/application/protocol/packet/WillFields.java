package dev.tern.application.protocol.packet;

import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;

/**
 * The will fields of a CONNECT as the client sent them (3.1.3.2 to 3.1.3.4): topic, payload, QoS,
 * retain and the MQTT 5 will properties, not yet checked. The broker's will, {@link dev.tern.domain.will.Will},
 * is made from them once the CONNECT is accepted.
 */
public record WillFields(String topic, Payload payload, Qos qos, boolean retain, Properties properties) {
    public WillFields {
        if (topic == null || payload == null || qos == null) {
            throw new IllegalArgumentException("will topic, payload and qos must not be null");
        }
        properties = MqttPacket.orEmpty(properties);
    }
}
