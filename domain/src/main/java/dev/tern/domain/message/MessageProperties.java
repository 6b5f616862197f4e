package dev.tern.domain.message;

import java.util.List;

/**
 * The MQTT 5 properties that travel with an application message from publisher to subscriber.
 * Absent values are null; MQTT 3.1.1 messages carry {@link #NONE}. The message expiry is not
 * here: it is kept as an absolute deadline on {@link ApplicationMessage}.
 *
 * @param payloadFormatIndicator 0 (bytes) or 1 (UTF-8), or null when absent
 * @param contentType            MIME type chosen by the publisher, or null
 * @param responseTopic          topic for a response (request/response), or null
 * @param correlationData        opaque bytes for request/response, or null
 * @param userProperties         in the publisher's order, never null
 */
public record MessageProperties(
        Integer payloadFormatIndicator,
        String contentType,
        String responseTopic,
        Payload correlationData,
        List<UserProperty> userProperties) {

    public static final MessageProperties NONE = new MessageProperties(null, null, null, null, List.of());

    public MessageProperties {
        if (payloadFormatIndicator != null && payloadFormatIndicator != 0 && payloadFormatIndicator != 1) {
            throw new IllegalArgumentException("payload format indicator must be 0 or 1");
        }
        if (userProperties == null) {
            throw new IllegalArgumentException("user properties must not be null; use an empty list");
        }
        userProperties = List.copyOf(userProperties);
    }

    public boolean isEmpty() {
        return payloadFormatIndicator == null && contentType == null && responseTopic == null
                && correlationData == null && userProperties.isEmpty();
    }
}
