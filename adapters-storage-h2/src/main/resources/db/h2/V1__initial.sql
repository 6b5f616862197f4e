-- Tern H2 schema, version 1.
--
-- Every message-carrying table repeats the same message columns (see MessageColumns):
--   topic, payload, qos, retain, publisher_id, expires_at_millis,
--   payload_format, content_type, response_topic, correlation_data, user_properties.
-- Absent MQTT 5 properties are NULL; empty ones are empty values. user_properties and
-- subscription_ids use the compact binary encoding documented in ListColumnCodec.
-- Payloads sit inline as BINARY VARYING: most MQTT messages are small, and inline values avoid
-- H2's separate LOB storage and its extra reads and writes.
--
-- Insertion order (subscriptions, in-flight flows) comes from sequences, so that a row replaced
-- in place keeps its position while a row deleted and saved again goes last.

CREATE TABLE IF NOT EXISTS session (
    client_id              VARCHAR NOT NULL PRIMARY KEY,
    expiry_seconds         BIGINT  NOT NULL,
    disconnected_at_millis BIGINT  NOT NULL
);

CREATE TABLE IF NOT EXISTS session_will (
    client_id         VARCHAR   NOT NULL PRIMARY KEY REFERENCES session (client_id) ON DELETE CASCADE,
    delay_seconds     BIGINT    NOT NULL,
    -- The will's Message Expiry Interval in seconds, -1 for none (Will.NO_EXPIRY).
    message_expiry_seconds BIGINT NOT NULL DEFAULT -1,
    topic             VARCHAR   NOT NULL,
    payload           VARBINARY NOT NULL,
    qos               TINYINT   NOT NULL,
    retain            BOOLEAN   NOT NULL,
    publisher_id      VARCHAR   NOT NULL,
    expires_at_millis BIGINT    NOT NULL,
    payload_format    TINYINT,
    content_type      VARCHAR,
    response_topic    VARCHAR,
    correlation_data  VARBINARY,
    user_properties   VARBINARY
);

CREATE SEQUENCE IF NOT EXISTS subscription_position;

CREATE TABLE IF NOT EXISTS subscription (
    client_id           VARCHAR NOT NULL,
    filter              VARCHAR NOT NULL,
    position            BIGINT  NOT NULL,
    qos                 TINYINT NOT NULL,
    no_local            BOOLEAN NOT NULL,
    retain_as_published BOOLEAN NOT NULL,
    retain_handling     TINYINT NOT NULL,
    subscription_id     INT     NOT NULL,
    PRIMARY KEY (client_id, filter)
);

CREATE INDEX IF NOT EXISTS subscription_by_position ON subscription (position);

CREATE TABLE IF NOT EXISTS retained_message (
    topic             VARCHAR   NOT NULL PRIMARY KEY,
    payload           VARBINARY NOT NULL,
    qos               TINYINT   NOT NULL,
    retain            BOOLEAN   NOT NULL,
    publisher_id      VARCHAR   NOT NULL,
    expires_at_millis BIGINT    NOT NULL,
    payload_format    TINYINT,
    content_type      VARCHAR,
    response_topic    VARCHAR,
    correlation_data  VARBINARY,
    user_properties   VARBINARY
);

CREATE TABLE IF NOT EXISTS queued_delivery (
    client_id         VARCHAR   NOT NULL,
    sequence          BIGINT    NOT NULL,
    subscription_ids  VARBINARY,
    topic             VARCHAR   NOT NULL,
    payload           VARBINARY NOT NULL,
    qos               TINYINT   NOT NULL,
    retain            BOOLEAN   NOT NULL,
    publisher_id      VARCHAR   NOT NULL,
    expires_at_millis BIGINT    NOT NULL,
    payload_format    TINYINT,
    content_type      VARCHAR,
    response_topic    VARCHAR,
    correlation_data  VARBINARY,
    user_properties   VARBINARY,
    PRIMARY KEY (client_id, sequence)
);

CREATE SEQUENCE IF NOT EXISTS inflight_position;

-- state: 1 awaiting PUBACK, 2 awaiting PUBREC, 3 awaiting PUBCOMP (no message columns).
CREATE TABLE IF NOT EXISTS inflight_flow (
    client_id         VARCHAR   NOT NULL,
    packet_id         INT       NOT NULL,
    position          BIGINT    NOT NULL,
    state             TINYINT   NOT NULL,
    subscription_ids  VARBINARY,
    topic             VARCHAR,
    payload           VARBINARY,
    qos               TINYINT,
    retain            BOOLEAN,
    publisher_id      VARCHAR,
    expires_at_millis BIGINT,
    payload_format    TINYINT,
    content_type      VARCHAR,
    response_topic    VARCHAR,
    correlation_data  VARBINARY,
    user_properties   VARBINARY,
    PRIMARY KEY (client_id, packet_id),
    CHECK (state = 3 OR topic IS NOT NULL)
);

CREATE INDEX IF NOT EXISTS inflight_flow_by_position ON inflight_flow (client_id, position);

CREATE TABLE IF NOT EXISTS inbound_receipt (
    client_id VARCHAR NOT NULL,
    packet_id INT     NOT NULL,
    PRIMARY KEY (client_id, packet_id)
);
