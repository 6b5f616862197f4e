package dev.tern.application.port.in.admin;

import dev.tern.domain.message.UserProperty;
import java.util.List;

/** A message an administrator publishes. The topic is checked by the broker, not here. */
public record AdminPublish(String topic, byte[] payload, int qos, boolean retain, List<UserProperty> userProperties) {

    public AdminPublish {
        if (topic == null || payload == null) {
            throw new IllegalArgumentException("topic and payload must not be null");
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2");
        }
        userProperties = List.copyOf(userProperties);
    }
}
