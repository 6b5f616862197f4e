package dev.tern.adapters.storage.h2;

import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.MessageProperties;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import dev.tern.domain.topic.TopicName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The message columns shared by every table that holds an {@link ApplicationMessage} (see
 * {@code V1__initial.sql}): how a message is bound to them and read back from them. Absent MQTT 5
 * properties are SQL NULL, so absent stays apart from empty or zero.
 *
 * <p>Threading: stateless; thread-safe.
 */
final class MessageColumns {

    /** The column list, for INSERT and SELECT. */
    static final String NAMES = "topic, payload, qos, retain, publisher_id, expires_at_millis, "
            + "payload_format, content_type, response_topic, correlation_data, user_properties";

    /** The named parameters in the order of {@link #NAMES}. */
    static final String PARAMETERS = ":topic, :payload, :qos, :retain, :publisher_id, :expires_at_millis, "
            + ":payload_format, :content_type, :response_topic, :correlation_data, :user_properties";

    private MessageColumns() {
    }

    static void bind(SqlStatement<?> statement, ApplicationMessage message) {
        MessageProperties properties = message.properties();
        statement.bind("topic", message.topic().value())
                .bind("payload", message.payload().toByteArray())
                .bind("qos", message.qos().value())
                .bind("retain", message.retain())
                .bind("publisher_id", message.publisherId())
                .bind("expires_at_millis", message.expiresAtMillis())
                .bind("payload_format", properties.payloadFormatIndicator())
                .bind("content_type", properties.contentType())
                .bind("response_topic", properties.responseTopic());
        bindBytes(statement, "correlation_data",
                properties.correlationData() == null ? null : properties.correlationData().toByteArray());
        bindBytes(statement, "user_properties", ListColumnCodec.encodeUserProperties(properties.userProperties()));
    }

    static void bindBytes(SqlStatement<?> statement, String name, byte[] bytes) {
        if (bytes == null) {
            statement.bindNull(name, Types.VARBINARY);
        } else {
            statement.bind(name, bytes);
        }
    }

    static ApplicationMessage read(ResultSet row) throws SQLException {
        int payloadFormat = row.getInt("payload_format");
        Integer payloadFormatIndicator = row.wasNull() ? null : payloadFormat;
        byte[] correlation = row.getBytes("correlation_data");
        MessageProperties properties = new MessageProperties(
                payloadFormatIndicator,
                row.getString("content_type"),
                row.getString("response_topic"),
                correlation == null ? null : Payload.wrap(correlation),
                ListColumnCodec.decodeUserProperties(row.getBytes("user_properties")));
        return new ApplicationMessage(
                new TopicName(row.getString("topic")),
                Payload.wrap(row.getBytes("payload")),
                Qos.of(row.getInt("qos")),
                row.getBoolean("retain"),
                properties.isEmpty() ? MessageProperties.NONE : properties,
                row.getString("publisher_id"),
                row.getLong("expires_at_millis"));
    }
}
