package dev.tern.application.protocol.packet;

import dev.tern.domain.message.MessageProperties;
import dev.tern.domain.message.Payload;

/** Maps the forwarded MQTT 5 PUBLISH and will properties between packet and domain form (3.3.2.3). */
public final class PublishPropertiesMapper {

    private PublishPropertiesMapper() {
    }

    public static MessageProperties toMessageProperties(Properties props) {
        if (props.isEmpty()) {
            return MessageProperties.NONE;
        }
        byte[] correlation = props.binary(PropertyId.CORRELATION_DATA);
        Integer format = props.has(PropertyId.PAYLOAD_FORMAT_INDICATOR)
                ? (int) props.integer(PropertyId.PAYLOAD_FORMAT_INDICATOR, 0) : null;
        return new MessageProperties(format, props.string(PropertyId.CONTENT_TYPE),
                props.string(PropertyId.RESPONSE_TOPIC), correlation == null ? null : Payload.wrap(correlation),
                props.userProperties());
    }

    /** Writes the forwarded properties in the order the spec lists them. */
    public static void write(MessageProperties props, Properties.Builder builder) {
        if (props.payloadFormatIndicator() != null) {
            builder.integer(PropertyId.PAYLOAD_FORMAT_INDICATOR, props.payloadFormatIndicator());
        }
        builder.string(PropertyId.CONTENT_TYPE, props.contentType());
        builder.string(PropertyId.RESPONSE_TOPIC, props.responseTopic());
        if (props.correlationData() != null) {
            builder.binary(PropertyId.CORRELATION_DATA, props.correlationData().toByteArray());
        }
        builder.userProperties(props.userProperties());
    }
}
