-- Tern H2 schema, version 2: queued_delivery keyed by sequence alone.
--
-- Queue sequences are now drawn from one broker-wide counter (see MessageQueueStore), so they are
-- unique across clients and grow with time. Keyed by (client_id, sequence), every append went to
-- the index page of its own client, and a group commit of n messages for n clients rewrote n index
-- pages. Keyed by a BIGINT primary key, which H2 uses as the row key itself, appends go to the
-- last pages of one B-tree, and there is no index by client: the broker loads every queue in one
-- scan at start-up and removes rows by sequence.
--
-- Existing rows are renumbered in (client_id, sequence) order, which keeps each client's order and
-- makes the numbers unique; the broker draws new ones past the largest it restores.
--
-- H2 commits each DDL statement on its own. Every step can run again after a crash in the middle:
-- the first statement recreates an empty old table if the crash came between DROP and RENAME, the
-- copy runs only into an empty new table, and the copy reads only column names both layouts share
-- (a crash after the RENAME but before the version row renumbers the new table once more).

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

CREATE TABLE IF NOT EXISTS queued_delivery_by_sequence (
    sequence          BIGINT    NOT NULL PRIMARY KEY,
    client_id         VARCHAR   NOT NULL,
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
    user_properties   VARBINARY
);

INSERT INTO queued_delivery_by_sequence (sequence, client_id, subscription_ids, topic, payload, qos, retain,
        publisher_id, expires_at_millis, payload_format, content_type, response_topic, correlation_data,
        user_properties)
    SELECT ROW_NUMBER() OVER (ORDER BY client_id, sequence), client_id, subscription_ids, topic, payload, qos,
        retain, publisher_id, expires_at_millis, payload_format, content_type, response_topic, correlation_data,
        user_properties
    FROM queued_delivery
    WHERE NOT EXISTS (SELECT 1 FROM queued_delivery_by_sequence);

DROP TABLE queued_delivery;

ALTER TABLE queued_delivery_by_sequence RENAME TO queued_delivery;
