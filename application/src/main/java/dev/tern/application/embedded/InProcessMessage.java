package dev.tern.application.embedded;

import dev.tern.domain.message.Qos;
import dev.tern.domain.message.UserProperty;
import dev.tern.domain.topic.TopicName;
import java.util.List;

/**
 * A message an in-process client publishes or receives. The payload array is copied when built,
 * so the caller may reuse its own; the accessor hands out the record's copy, which callers must
 * not change.
 *
 * @param topic          a topic name, no wildcards
 * @param qos            0, 1 or 2
 * @param userProperties MQTT 5 user properties, in order
 */
public record InProcessMessage(String topic, byte[] payload, int qos, boolean retain,
        List<UserProperty> userProperties) {

    public InProcessMessage {
        if (topic == null || TopicName.parseOrNull(topic) == null) {
            throw new IllegalArgumentException("not a valid topic name: " + topic);
        }
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null");
        }
        if (!Qos.isValid(qos)) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2: " + qos);
        }
        payload = payload.clone();
        userProperties = List.copyOf(userProperties);
    }

    public InProcessMessage(String topic, byte[] payload, int qos, boolean retain) {
        this(topic, payload, qos, retain, List.of());
    }
}
