package dev.tern.adapters.storage.redis;

import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.MessageProperties;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import dev.tern.domain.message.UserProperty;
import dev.tern.domain.topic.TopicName;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored layout of messages and deliveries, written into a {@link ValueWriter} by the formats
 * that embed them (retained message, queued delivery, in-flight flow, will).
 *
 * <pre>
 * message    = topic:string payload:bytes qos:u8 retain:u8 publisherId:string expiresAtMillis:i64
 *              payloadFormat:i32(-1 = absent) contentType:string? responseTopic:string?
 *              correlationData:bytes? userPropertyCount:i32 (name:string value:string)*
 * delivery   = message subscriptionIdCount:i32 subscriptionId:i32*
 * </pre>
 * where {@code string?} and {@code bytes?} use the absent marker for null.
 *
 * <p>Threading: stateless.
 */
final class MessageFormat {

    private static final int ABSENT_FORMAT = -1;

    private MessageFormat() {
    }

    static void writeMessage(ValueWriter out, ApplicationMessage message) {
        MessageProperties properties = message.properties();
        out.writeString(message.topic().value())
                .writeBytes(message.payload().toByteArray())
                .writeByte(message.qos().value())
                .writeBoolean(message.retain())
                .writeString(message.publisherId())
                .writeLong(message.expiresAtMillis())
                .writeInt(properties.payloadFormatIndicator() == null
                        ? ABSENT_FORMAT : properties.payloadFormatIndicator())
                .writeString(properties.contentType())
                .writeString(properties.responseTopic())
                .writeBytes(properties.correlationData() == null ? null : properties.correlationData().toByteArray())
                .writeInt(properties.userProperties().size());
        for (UserProperty property : properties.userProperties()) {
            out.writeString(property.name()).writeString(property.value());
        }
    }

    static ApplicationMessage readMessage(ValueReader in) {
        TopicName topic = new TopicName(in.readString());
        Payload payload = Payload.wrap(in.readBytes());
        Qos qos = Qos.of(in.readByte());
        boolean retain = in.readBoolean();
        String publisherId = in.readString();
        long expiresAtMillis = in.readLong();
        int format = in.readInt();
        String contentType = in.readString();
        String responseTopic = in.readString();
        byte[] correlation = in.readBytes();
        int userPropertyCount = in.readInt();
        List<UserProperty> userProperties = new ArrayList<>(Math.max(0, Math.min(userPropertyCount, 64)));
        for (int i = 0; i < userPropertyCount; i++) {
            userProperties.add(new UserProperty(in.readString(), in.readString()));
        }
        MessageProperties properties = new MessageProperties(format == ABSENT_FORMAT ? null : format,
                contentType, responseTopic, correlation == null ? null : Payload.wrap(correlation), userProperties);
        return new ApplicationMessage(topic, payload, qos, retain, properties, publisherId, expiresAtMillis);
    }

    static void writeDelivery(ValueWriter out, Delivery delivery) {
        writeMessage(out, delivery.message());
        out.writeInt(delivery.subscriptionIds().size());
        for (int id : delivery.subscriptionIds()) {
            out.writeInt(id);
        }
    }

    static Delivery readDelivery(ValueReader in) {
        ApplicationMessage message = readMessage(in);
        int count = in.readInt();
        List<Integer> ids = new ArrayList<>(Math.max(0, Math.min(count, 16)));
        for (int i = 0; i < count; i++) {
            ids.add(in.readInt());
        }
        return new Delivery(message, ids);
    }
}
