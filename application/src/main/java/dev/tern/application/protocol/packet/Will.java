package dev.tern.application.protocol.packet;

import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;

/** The will message carried in a CONNECT payload, with its MQTT 5 will properties. */
public record Will(String topic, Payload payload, Qos qos, boolean retain, Properties properties) {
    public Will {
        if (topic == null || payload == null || qos == null) {
            throw new IllegalArgumentException("will topic, payload and qos must not be null");
        }
        properties = MqttPacket.orEmpty(properties);
    }
}
