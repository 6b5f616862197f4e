package dev.tern.adapters.storage.h2;

import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.MessageProperties;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Binds a message to the positional parameters of a plain JDBC statement, in the column order of
 * {@link MessageColumns#NAMES}, with the same encoding as {@link MessageColumns#bind}: absent MQTT 5
 * properties are SQL NULL.
 *
 * <p>Threading: stateless; thread-safe.
 */
final class MessageParameters {

    /** How many parameters {@link #bind} sets. */
    static final int COUNT = 11;

    /** One {@code ?} per message column, comma separated, for a VALUES list. */
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private MessageParameters() {
    }

    /** Sets parameters {@code first} to {@code first + COUNT - 1}. */
    static void bind(PreparedStatement statement, int first, ApplicationMessage message) throws SQLException {
        MessageProperties properties = message.properties();
        statement.setString(first, message.topic().value());
        statement.setBytes(first + 1, message.payload().toByteArray());
        statement.setInt(first + 2, message.qos().value());
        statement.setBoolean(first + 3, message.retain());
        statement.setString(first + 4, message.publisherId());
        statement.setLong(first + 5, message.expiresAtMillis());
        if (properties.payloadFormatIndicator() == null) {
            statement.setNull(first + 6, Types.TINYINT);
        } else {
            statement.setInt(first + 6, properties.payloadFormatIndicator());
        }
        statement.setString(first + 7, properties.contentType());
        statement.setString(first + 8, properties.responseTopic());
        bindBytes(statement, first + 9,
                properties.correlationData() == null ? null : properties.correlationData().toByteArray());
        bindBytes(statement, first + 10, ListColumnCodec.encodeUserProperties(properties.userProperties()));
    }

    /** Sets parameters {@code first} to {@code first + COUNT - 1} to NULL, for a row that holds no message. */
    static void bindAbsent(PreparedStatement statement, int first) throws SQLException {
        for (int i = first; i < first + COUNT; i++) {
            statement.setNull(i, Types.NULL);
        }
    }

    static void bindBytes(PreparedStatement statement, int index, byte[] bytes) throws SQLException {
        if (bytes == null) {
            statement.setNull(index, Types.VARBINARY);
        } else {
            statement.setBytes(index, bytes);
        }
    }
}
