package dev.tern.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
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

    public static final ConfigKey<String> WEBSOCKET_HOST = new ConfigKey<>(
            "listeners.websocket.host", "127.0.0.1", ValueParser.text(),
            "address the MQTT/WebSocket (ws://) listener binds to");
    public static final ConfigKey<Integer> WEBSOCKET_PORT = new ConfigKey<>(
            "listeners.websocket.port", "8083", ValueParser.integer(0, TcpListenerConfig.MAX_PORT),
            "MQTT/WebSocket port; 0 picks a free port");
    public static final ConfigKey<String> WEBSOCKET_PATH = new ConfigKey<>(
            "listeners.websocket.path", "/mqtt", ValueParser.httpPath(),
            "HTTP path of the ws:// and wss:// listeners");
    public static final ConfigKey<Boolean> WEBSOCKET_ENABLED = new ConfigKey<>(
            "listeners.websocket.enabled", "true", ValueParser.bool(), "whether the ws:// listener runs");
    public static final ConfigKey<List<String>> WEBSOCKET_ALLOWED_ORIGINS = new ConfigKey<>(
            "listeners.websocket.allowed-origins", "", ValueParser.commaSeparated(),
            "comma-separated browser origins allowed on ws:// and wss://; empty allows any");
    public static final ConfigKey<Boolean> WEBSOCKET_TRUST_FORWARDED_FOR = new ConfigKey<>(
            "listeners.websocket.trust-forwarded-for", "false", ValueParser.bool(),
            "whether X-Forwarded-For names WebSocket clients in logs (only behind a proxy)");
    public static final ConfigKey<String> WSS_HOST = new ConfigKey<>(
            "listeners.wss.host", "127.0.0.1", ValueParser.text(), "address the wss:// listener binds to");
    public static final ConfigKey<Integer> WSS_PORT = new ConfigKey<>(
            "listeners.wss.port", "8084", ValueParser.integer(0, TcpListenerConfig.MAX_PORT),
            "MQTT/secure WebSocket port; 0 picks a free port");
    public static final ConfigKey<Boolean> WSS_ENABLED = new ConfigKey<>(
            "listeners.wss.enabled", "false", ValueParser.bool(),
            "whether the wss:// listener runs (needs cert-file and key-file)");
    public static final ConfigKey<Optional<Path>> WSS_CERT_FILE = new ConfigKey<>(
            "listeners.wss.cert-file", "", ValueParser.optionalPath(),
            "PEM certificate chain of the wss:// listener, leaf first");
    public static final ConfigKey<Optional<Path>> WSS_KEY_FILE = new ConfigKey<>(
            "listeners.wss.key-file", "", ValueParser.optionalPath(),
            "PEM private key (unencrypted PKCS#8) of the wss:// listener");

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
            WEBSOCKET_HOST, WEBSOCKET_PORT, WEBSOCKET_PATH, WEBSOCKET_ENABLED, WEBSOCKET_ALLOWED_ORIGINS,
            WEBSOCKET_TRUST_FORWARDED_FOR, WSS_HOST, WSS_PORT, WSS_ENABLED, WSS_CERT_FILE, WSS_KEY_FILE,
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
