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
    public static final ConfigKey<Integer> TCP_IO_THREADS = new ConfigKey<>(
            "listeners.tcp.io-threads", "0", ValueParser.integer(0, TcpListenerConfig.MAX_IO_THREADS),
            "event loops of the MQTT/TCP listener; 0 = one per processor");

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
            "listeners.wss.cert-file", "none", ValueParser.optionalPath(),
            "PEM certificate chain of the wss:// listener, leaf first");
    public static final ConfigKey<Optional<Path>> WSS_KEY_FILE = new ConfigKey<>(
            "listeners.wss.key-file", "none", ValueParser.optionalPath(),
            "PEM private key (unencrypted PKCS#8) of the wss:// listener");

    public static final ConfigKey<StorageBackend> STORAGE_BACKEND = new ConfigKey<>(
            "storage.backend", "h2", ValueParser.choice(StorageBackend.class),
            "where sessions and messages are kept: h2 (embedded file, the default), redis or memory (lost at exit)");
    public static final ConfigKey<Durability> DURABILITY = new ConfigKey<>(
            "storage.durability", "ack-after-commit", ValueParser.choice(Durability.class),
            "ack-after-commit (acknowledge stored messages after the commit) or periodic (at once)");
    public static final ConfigKey<String> H2_PATH = new ConfigKey<>(
            "storage.h2.path", "./data/tern", ValueParser.text(),
            "H2 database file, absolute or starting with ./");
    public static final ConfigKey<OnCorruption> H2_ON_CORRUPTION = new ConfigKey<>(
            "storage.h2.on-corruption", "fail", ValueParser.choice(OnCorruption.class),
            "a damaged database file: fail (stop and say so) or quarantine (move it aside, start empty)");
    public static final ConfigKey<String> REDIS_KEY_PREFIX = new ConfigKey<>(
            "storage.redis.key-prefix", "tern:", ValueParser.text(), "prefix of every key Tern writes in Redis");
    public static final ConfigKey<Integer> REDIS_REPLICAS = new ConfigKey<>(
            "storage.redis.wait-replicas", "0", ValueParser.integer(0, 100),
            "replicas that must confirm each write batch (Redis WAIT) before messages are acknowledged");
    public static final ConfigKey<Duration> REDIS_WAIT_TIMEOUT = new ConfigKey<>(
            "storage.redis.wait-timeout", "1", ValueParser.seconds(1, 60), "seconds to wait for those replicas");
    public static final ConfigKey<URI> REDIS_URL = new ConfigKey<>(
            "storage.redis.url", "redis://127.0.0.1:6379", ValueParser.uri(RedisStorageConfig.SCHEMES),
            "Redis server, redis:// or rediss://");
    public static final ConfigKey<Optional<Path>> REDIS_REDISSON_CONFIG = new ConfigKey<>(
            "storage.redis.redisson-config", "none", ValueParser.optionalPath(),
            "Redisson YAML file (singleServerConfig, sentinelServersConfig or clusterServersConfig) used instead of "
                    + "storage.redis.url");

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
            "mqtt.max-queued-messages", "1000", ValueParser.integer(1, Integer.MAX_VALUE),
            "messages queued per session beyond the in-flight window");
    public static final ConfigKey<QueueOverflow> QUEUE_OVERFLOW = new ConfigKey<>(
            "mqtt.queue-overflow", "drop-oldest", ValueParser.choice(QueueOverflow.class),
            "when a queue is full: drop-oldest or refuse-newest");
    public static final ConfigKey<Boolean> QUEUE_QOS0_FOR_OFFLINE = new ConfigKey<>(
            "mqtt.queue-qos0-for-offline", "false", ValueParser.bool(),
            "whether QoS 0 messages are queued for offline sessions");
    public static final ConfigKey<Integer> RECEIVE_MAXIMUM = new ConfigKey<>(
            "mqtt.receive-maximum", "1024", ValueParser.integer(1, 65_535),
            "MQTT 5: unacknowledged QoS 1/2 messages a client may send at once");
    public static final ConfigKey<Integer> TOPIC_ALIAS_MAXIMUM = new ConfigKey<>(
            "mqtt.topic-alias-maximum", "64", ValueParser.integer(0, 65_535),
            "MQTT 5: topic aliases a client may use per connection; 0 disables them");
    public static final ConfigKey<Integer> MAX_KEEP_ALIVE = new ConfigKey<>(
            "mqtt.max-keep-alive", "0", ValueParser.integer(0, 65_535),
            "MQTT 5: highest keep alive granted, in seconds (announced as Server Keep Alive); 0 = no limit");
    public static final ConfigKey<Long> MAX_SESSION_EXPIRY = new ConfigKey<>(
            "mqtt.max-session-expiry", "4294967295", ValueParser.longInteger(0, 4_294_967_295L),
            "MQTT 5: highest session expiry interval granted, in seconds");
    public static final ConfigKey<Boolean> OUTBOUND_TOPIC_ALIASES = new ConfigKey<>(
            "mqtt.outbound-topic-aliases", "true", ValueParser.bool(),
            "MQTT 5: assign topic aliases to the first topics sent to a client, within its maximum");
    public static final ConfigKey<Boolean> VALIDATE_PAYLOAD_FORMAT = new ConfigKey<>(
            "mqtt.validate-payload-format", "false", ValueParser.bool(),
            "MQTT 5: refuse (0x99) payloads marked UTF-8 that are not");
    public static final ConfigKey<Optional<String>> RESPONSE_INFORMATION = new ConfigKey<>(
            "mqtt.response-information", "none", ValueParser.optionalText(),
            "MQTT 5: Response Information for clients that request it; none = not offered");
    public static final ConfigKey<Optional<String>> SERVER_REFERENCE = new ConfigKey<>(
            "mqtt.server-reference", "none", ValueParser.optionalText(),
            "redirect every client to this server (MQTT 5 Server Reference); none = serve them");
    public static final ConfigKey<Boolean> SERVER_MOVED = new ConfigKey<>(
            "mqtt.server-moved", "false", ValueParser.bool(),
            "with server-reference: permanent (0x9D Server moved) rather than 0x9C Use another server");
    public static final ConfigKey<SharedStrategy> SHARED_STRATEGY = new ConfigKey<>(
            "mqtt.shared-subscription-strategy", "round-robin", ValueParser.choice(SharedStrategy.class),
            "member of a shared subscription group that gets a message: round-robin, random or sticky");

    public static final ConfigKey<Boolean> TLS_ENABLED = new ConfigKey<>(
            "listeners.tls.enabled", "false", ValueParser.bool(), "whether the MQTT-over-TLS listener runs");
    public static final ConfigKey<String> TLS_HOST = new ConfigKey<>(
            "listeners.tls.host", "127.0.0.1", ValueParser.text(), "address the MQTT/TLS listener binds to");
    public static final ConfigKey<Integer> TLS_PORT = new ConfigKey<>(
            "listeners.tls.port", "8883", ValueParser.integer(0, TcpListenerConfig.MAX_PORT),
            "MQTT/TLS port; 0 picks a free port");
    public static final ConfigKey<Optional<Path>> TLS_CERT_FILE = new ConfigKey<>(
            "listeners.tls.cert-file", "none", ValueParser.optionalPath(),
            "PEM certificate chain of the server, its own certificate first");
    public static final ConfigKey<Optional<Path>> TLS_KEY_FILE = new ConfigKey<>(
            "listeners.tls.key-file", "none", ValueParser.optionalPath(), "PEM (PKCS#8) private key of cert-file");
    public static final ConfigKey<Optional<Path>> TLS_PKCS12_FILE = new ConfigKey<>(
            "listeners.tls.pkcs12-file", "none", ValueParser.optionalPath(),
            "PKCS#12 keystore with key and chain, instead of cert-file and key-file");
    public static final ConfigKey<Optional<String>> TLS_PKCS12_PASSWORD = new ConfigKey<>(
            "listeners.tls.pkcs12-password", "none", ValueParser.optionalText(), "password of pkcs12-file");
    public static final ConfigKey<List<String>> TLS_PROTOCOLS = new ConfigKey<>(
            "listeners.tls.protocols", "TLSv1.3,TLSv1.2", ValueParser.words(), "enabled TLS versions, comma-separated");
    public static final ConfigKey<List<String>> TLS_CIPHERS = new ConfigKey<>(
            "listeners.tls.ciphers", "default", ValueParser.words(),
            "enabled cipher suites, comma-separated; default = the JDK's");
    public static final ConfigKey<TlsClientAuth> TLS_CLIENT_AUTH = new ConfigKey<>(
            "listeners.tls.client-auth", "none", ValueParser.choice(TlsClientAuth.class),
            "client certificates: none, optional or required (mutual TLS)");
    public static final ConfigKey<Optional<Path>> TLS_CA_FILE = new ConfigKey<>(
            "listeners.tls.ca-file", "none", ValueParser.optionalPath(),
            "PEM bundle of the CAs that sign client certificates");
    public static final ConfigKey<Optional<Path>> TLS_CRL_FILE = new ConfigKey<>(
            "listeners.tls.crl-file", "none", ValueParser.optionalPath(),
            "certificate revocation list (PEM or DER) checked for client certificates");
    public static final ConfigKey<Boolean> TLS_USE_IDENTITY_AS_USERNAME = new ConfigKey<>(
            "listeners.tls.use-identity-as-username", "false", ValueParser.bool(),
            "a verified client certificate's CN is the user name (no password needed)");

    public static final ConfigKey<AutoSwitch> ALLOW_ANONYMOUS = new ConfigKey<>(
            "security.allow-anonymous", "auto", ValueParser.choice(AutoSwitch.class),
            "clients without user name: auto = allowed only while there is no password file");
    public static final ConfigKey<Optional<Path>> PASSWORD_FILE = new ConfigKey<>(
            "security.password-file", "none", ValueParser.optionalPath(),
            "users and password hashes, written by tern passwd; re-read when it changes");
    public static final ConfigKey<Optional<Path>> ACL_FILE = new ConfigKey<>(
            "security.acl-file", "none", ValueParser.optionalPath(),
            "topic access rules; none = every client may do everything");
    public static final ConfigKey<Integer> BRUTE_FORCE_MAX_FAILURES = new ConfigKey<>(
            "security.brute-force.max-failures", "5", ValueParser.integer(0, 1_000_000),
            "failed logins per host or client id before a ban; 0 = never ban");
    public static final ConfigKey<Duration> BRUTE_FORCE_BAN = new ConfigKey<>(
            "security.brute-force.ban-seconds", "60", ValueParser.seconds(1, 86_400), "how long a ban lasts");
    public static final ConfigKey<String> AUTHENTICATOR = new ConfigKey<>(
            "security.authenticator", "file", ValueParser.text(),
            "file, or the class name of a custom Authenticator");
    public static final ConfigKey<String> AUTHORIZER = new ConfigKey<>(
            "security.authorizer", "acl", ValueParser.text(), "acl, or the class name of a custom Authorizer");
    public static final ConfigKey<AutoSwitch> SCRAM_ENABLED = new ConfigKey<>(
            "security.scram.enabled", "auto", ValueParser.choice(AutoSwitch.class),
            "offer MQTT 5 SCRAM-SHA-256 authentication; auto = when there is a password file");

    public static final List<ConfigKey<?>> ALL = List.of(
            TCP_HOST, TCP_PORT, TCP_ENABLED, TCP_IO_THREADS,
            WEBSOCKET_HOST, WEBSOCKET_PORT, WEBSOCKET_PATH, WEBSOCKET_ENABLED, WEBSOCKET_ALLOWED_ORIGINS,
            WEBSOCKET_TRUST_FORWARDED_FOR, WSS_HOST, WSS_PORT, WSS_ENABLED, WSS_CERT_FILE, WSS_KEY_FILE,
            STORAGE_BACKEND, DURABILITY, H2_PATH, H2_ON_CORRUPTION, REDIS_URL, REDIS_KEY_PREFIX, REDIS_REPLICAS,
            REDIS_WAIT_TIMEOUT, REDIS_REDISSON_CONFIG,
            CONNECT_TIMEOUT, MAX_PACKET_SIZE, MAX_INFLIGHT, MAX_QUEUED_MESSAGES, QUEUE_OVERFLOW,
            QUEUE_QOS0_FOR_OFFLINE, RECEIVE_MAXIMUM, TOPIC_ALIAS_MAXIMUM, MAX_KEEP_ALIVE,
            MAX_SESSION_EXPIRY, OUTBOUND_TOPIC_ALIASES, VALIDATE_PAYLOAD_FORMAT, RESPONSE_INFORMATION, SERVER_REFERENCE,
            SERVER_MOVED, SHARED_STRATEGY,
            TLS_ENABLED, TLS_HOST, TLS_PORT, TLS_CERT_FILE, TLS_KEY_FILE, TLS_PKCS12_FILE, TLS_PKCS12_PASSWORD,
            TLS_PROTOCOLS, TLS_CIPHERS, TLS_CLIENT_AUTH, TLS_CA_FILE, TLS_CRL_FILE, TLS_USE_IDENTITY_AS_USERNAME,
            ALLOW_ANONYMOUS, PASSWORD_FILE, ACL_FILE, BRUTE_FORCE_MAX_FAILURES, BRUTE_FORCE_BAN, AUTHENTICATOR,
            AUTHORIZER, SCRAM_ENABLED);

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
