package dev.tern.bootstrap.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting the broker knows, with its default: the one place where defaults live. */
public final class ConfigKeys {

    public static final String ENVIRONMENT_PREFIX = "TERN_";

    public static final ConfigKey<String> TCP_HOST = new ConfigKey<>(
            "listeners.tcp.host", "127.0.0.1", ValueParser.text(), "address the MQTT/TCP listener binds to");
    public static final ConfigKey<Integer> TCP_PORT = new ConfigKey<>(
            "listeners.tcp.port", "1883", ValueParser.integer(0, TcpListenerConfig.MAX_PORT),
            "MQTT/TCP port; 0 picks a free port");
    public static final ConfigKey<Boolean> TCP_ENABLED = new ConfigKey<>(
            "listeners.tcp.enabled", "true", ValueParser.bool(), "whether the MQTT/TCP listener runs");

    public static final ConfigKey<StorageBackend> STORAGE_BACKEND = new ConfigKey<>(
            "storage.backend", "memory", ValueParser.choice(StorageBackend.class),
            "where sessions and messages are kept: memory, h2 or redis");
    public static final ConfigKey<String> H2_PATH = new ConfigKey<>(
            "storage.h2.path", "./data/tern", ValueParser.text(),
            "H2 database file, absolute or starting with ./");
    public static final ConfigKey<URI> REDIS_URL = new ConfigKey<>(
            "storage.redis.url", "redis://127.0.0.1:6379", ValueParser.uri(RedisStorageConfig.SCHEMES),
            "Redis server, redis:// or rediss://");

    public static final ConfigKey<Duration> CONNECT_TIMEOUT = new ConfigKey<>(
            "mqtt.connect-timeout", "10", ValueParser.seconds(1, 3600),
            "seconds a new connection has to send CONNECT");
    public static final ConfigKey<Integer> MAX_PACKET_SIZE = new ConfigKey<>(
            "mqtt.max-packet-size", String.valueOf(MqttConfig.MAX_PACKET_SIZE_LIMIT),
            ValueParser.integer(2, MqttConfig.MAX_PACKET_SIZE_LIMIT), "largest packet accepted, in bytes");
    public static final ConfigKey<Integer> MAX_INFLIGHT = new ConfigKey<>(
            "mqtt.max-inflight", "32", ValueParser.integer(1, MqttConfig.MAX_INFLIGHT_LIMIT),
            "outbound QoS 1/2 messages in flight per session");
    public static final ConfigKey<Integer> MAX_QUEUED_MESSAGES = new ConfigKey<>(
            "mqtt.max-queued-messages", "1000", ValueParser.integer(0, Integer.MAX_VALUE),
            "messages queued per session beyond the in-flight window");
    public static final ConfigKey<QueueOverflow> QUEUE_OVERFLOW = new ConfigKey<>(
            "mqtt.queue-overflow", "drop-oldest", ValueParser.choice(QueueOverflow.class),
            "when a queue is full: drop-oldest or refuse-newest");
    public static final ConfigKey<Boolean> QUEUE_QOS0_FOR_OFFLINE = new ConfigKey<>(
            "mqtt.queue-qos0-for-offline", "false", ValueParser.bool(),
            "whether QoS 0 messages are queued for offline sessions");
    public static final ConfigKey<Duration> RETRY_INTERVAL = new ConfigKey<>(
            "mqtt.retry-interval", "0", ValueParser.seconds(0, 86_400),
            "seconds before resending unacknowledged messages; 0 = only on reconnect");

    public static final List<ConfigKey<?>> ALL = List.of(
            TCP_HOST, TCP_PORT, TCP_ENABLED,
            STORAGE_BACKEND, H2_PATH, REDIS_URL,
            CONNECT_TIMEOUT, MAX_PACKET_SIZE, MAX_INFLIGHT, MAX_QUEUED_MESSAGES, QUEUE_OVERFLOW,
            QUEUE_QOS0_FOR_OFFLINE, RETRY_INTERVAL);

    private ConfigKeys() {
    }

    public static Optional<ConfigKey<?>> byName(String name) {
        return ALL.stream().filter(key -> key.name().equals(name)).findFirst();
    }

    public static Optional<ConfigKey<?>> byEnvironmentName(String environmentName) {
        return ALL.stream().filter(key -> key.environmentName().equals(environmentName)).findFirst();
    }

    static Map<String, SourcedValue> defaultValues() {
        Map<String, SourcedValue> values = new LinkedHashMap<>();
        ALL.forEach(key -> values.put(key.name(), new SourcedValue(key.defaultValue(), SourcedValue.DEFAULT)));
        return values;
    }
}
