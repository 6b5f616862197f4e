package dev.tern.bootstrap.config;

import static dev.tern.bootstrap.config.ConfigKeys.CONNECT_TIMEOUT;
import static dev.tern.bootstrap.config.ConfigKeys.DURABILITY;
import static dev.tern.bootstrap.config.ConfigKeys.H2_ON_CORRUPTION;
import static dev.tern.bootstrap.config.ConfigKeys.H2_PATH;
import static dev.tern.bootstrap.config.ConfigKeys.MAX_INFLIGHT;
import static dev.tern.bootstrap.config.ConfigKeys.MAX_PACKET_SIZE;
import static dev.tern.bootstrap.config.ConfigKeys.MAX_QUEUED_MESSAGES;
import static dev.tern.bootstrap.config.ConfigKeys.QUEUE_OVERFLOW;
import static dev.tern.bootstrap.config.ConfigKeys.QUEUE_QOS0_FOR_OFFLINE;
import static dev.tern.bootstrap.config.ConfigKeys.MAX_KEEP_ALIVE;
import static dev.tern.bootstrap.config.ConfigKeys.MAX_SESSION_EXPIRY;
import static dev.tern.bootstrap.config.ConfigKeys.OUTBOUND_TOPIC_ALIASES;
import static dev.tern.bootstrap.config.ConfigKeys.RECEIVE_MAXIMUM;
import static dev.tern.bootstrap.config.ConfigKeys.REDIS_KEY_PREFIX;
import static dev.tern.bootstrap.config.ConfigKeys.REDIS_REDISSON_CONFIG;
import static dev.tern.bootstrap.config.ConfigKeys.REDIS_REPLICAS;
import static dev.tern.bootstrap.config.ConfigKeys.REDIS_URL;
import static dev.tern.bootstrap.config.ConfigKeys.REDIS_WAIT_TIMEOUT;
import static dev.tern.bootstrap.config.ConfigKeys.RESPONSE_INFORMATION;
import static dev.tern.bootstrap.config.ConfigKeys.SERVER_MOVED;
import static dev.tern.bootstrap.config.ConfigKeys.SERVER_REFERENCE;
import static dev.tern.bootstrap.config.ConfigKeys.SHARED_STRATEGY;
import static dev.tern.bootstrap.config.ConfigKeys.TOPIC_ALIAS_MAXIMUM;
import static dev.tern.bootstrap.config.ConfigKeys.VALIDATE_PAYLOAD_FORMAT;
import static dev.tern.bootstrap.config.ConfigKeys.STORAGE_BACKEND;
import static dev.tern.bootstrap.config.ConfigKeys.TCP_ENABLED;
import static dev.tern.bootstrap.config.ConfigKeys.TCP_IO_THREADS;
import static dev.tern.bootstrap.config.ConfigKeys.TCP_HOST;
import static dev.tern.bootstrap.config.ConfigKeys.TCP_PORT;
import static dev.tern.bootstrap.config.ConfigKeys.WEBSOCKET_ALLOWED_ORIGINS;
import static dev.tern.bootstrap.config.ConfigKeys.WEBSOCKET_ENABLED;
import static dev.tern.bootstrap.config.ConfigKeys.WEBSOCKET_HOST;
import static dev.tern.bootstrap.config.ConfigKeys.WEBSOCKET_PATH;
import static dev.tern.bootstrap.config.ConfigKeys.WEBSOCKET_PORT;
import static dev.tern.bootstrap.config.ConfigKeys.WEBSOCKET_TRUST_FORWARDED_FOR;
import static dev.tern.bootstrap.config.ConfigKeys.WSS_CERT_FILE;
import static dev.tern.bootstrap.config.ConfigKeys.WSS_ENABLED;
import static dev.tern.bootstrap.config.ConfigKeys.WSS_HOST;
import static dev.tern.bootstrap.config.ConfigKeys.WSS_KEY_FILE;
import static dev.tern.bootstrap.config.ConfigKeys.WSS_PORT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses the text of every known key and assembles the configuration records from the results. */
final class ConfigBinder {

    private ConfigBinder() {
    }

    /**
     * @param values the text of every key in {@link ConfigKeys#ALL}, keyed by dotted name
     * @throws ConfigException listing every value that does not parse
     */
    static BrokerConfig bind(Map<String, SourcedValue> values) {
        Map<ConfigKey<?>, Object> parsed = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            SourcedValue value = values.get(key.name());
            try {
                parsed.put(key, key.parser().parse(value.text()));
            } catch (IllegalArgumentException e) {
                problems.add(key.name() + ": \"" + value.text() + "\" " + e.getMessage()
                        + " (from " + value.source() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        try {
            return assemble(new Parsed(parsed));
        } catch (IllegalArgumentException e) {
            // The parsers check each value alone; what is left are rules across keys (wss needs its
            // files), or a disagreement between a parser and its record.
            throw new ConfigException("inconsistent configuration: " + e.getMessage());
        }
    }

    private static BrokerConfig assemble(Parsed values) {
        return new BrokerConfig(
                new ListenersConfig(
                        new TcpListenerConfig(values.get(TCP_HOST), values.get(TCP_PORT), values.get(TCP_ENABLED),
                                values.get(TCP_IO_THREADS)),
                        tlsListener(values),
                        webSocket(values),
                        wss(values)),
                new StorageConfig(
                        values.get(STORAGE_BACKEND),
                        values.get(DURABILITY),
                        new H2StorageConfig(values.get(H2_PATH), values.get(H2_ON_CORRUPTION)),
                        new RedisStorageConfig(values.get(REDIS_URL), values.get(REDIS_KEY_PREFIX),
                                values.get(REDIS_REPLICAS), values.get(REDIS_WAIT_TIMEOUT),
                                values.get(REDIS_REDISSON_CONFIG))),
                new MqttConfig(
                        values.get(CONNECT_TIMEOUT),
                        values.get(MAX_PACKET_SIZE),
                        values.get(MAX_INFLIGHT),
                        values.get(MAX_QUEUED_MESSAGES),
                        values.get(QUEUE_OVERFLOW),
                        values.get(QUEUE_QOS0_FOR_OFFLINE)),
                new Mqtt5Config(
                        values.get(RECEIVE_MAXIMUM),
                        values.get(TOPIC_ALIAS_MAXIMUM),
                        values.get(MAX_KEEP_ALIVE),
                        values.get(MAX_SESSION_EXPIRY),
                        values.get(OUTBOUND_TOPIC_ALIASES),
                        values.get(VALIDATE_PAYLOAD_FORMAT),
                        values.get(RESPONSE_INFORMATION),
                        values.get(SERVER_REFERENCE),
                        values.get(SERVER_MOVED),
                        values.get(SHARED_STRATEGY)),
                security(values));
    }

    private static TlsListenerConfig tlsListener(Parsed values) {
        return new TlsListenerConfig(values.get(ConfigKeys.TLS_ENABLED), values.get(ConfigKeys.TLS_HOST),
                values.get(ConfigKeys.TLS_PORT), values.get(ConfigKeys.TLS_CERT_FILE),
                values.get(ConfigKeys.TLS_KEY_FILE), values.get(ConfigKeys.TLS_PKCS12_FILE),
                values.get(ConfigKeys.TLS_PKCS12_PASSWORD), values.get(ConfigKeys.TLS_PROTOCOLS),
                values.get(ConfigKeys.TLS_CIPHERS), values.get(ConfigKeys.TLS_CLIENT_AUTH),
                values.get(ConfigKeys.TLS_CA_FILE), values.get(ConfigKeys.TLS_CRL_FILE),
                values.get(ConfigKeys.TLS_USE_IDENTITY_AS_USERNAME));
    }

    private static SecurityConfig security(Parsed values) {
        return new SecurityConfig(values.get(ConfigKeys.PASSWORD_FILE), values.get(ConfigKeys.ACL_FILE),
                values.get(ConfigKeys.ALLOW_ANONYMOUS), values.get(ConfigKeys.BRUTE_FORCE_MAX_FAILURES),
                values.get(ConfigKeys.BRUTE_FORCE_BAN), values.get(ConfigKeys.AUTHENTICATOR),
                values.get(ConfigKeys.AUTHORIZER), values.get(ConfigKeys.SCRAM_ENABLED));
    }

    private static WebSocketListenerConfig webSocket(Parsed values) {
        return new WebSocketListenerConfig(values.get(WEBSOCKET_HOST), values.get(WEBSOCKET_PORT),
                values.get(WEBSOCKET_PATH), values.get(WEBSOCKET_ENABLED), values.get(WEBSOCKET_ALLOWED_ORIGINS),
                values.get(WEBSOCKET_TRUST_FORWARDED_FOR));
    }

    private static WssListenerConfig wss(Parsed values) {
        return new WssListenerConfig(values.get(WSS_HOST), values.get(WSS_PORT), values.get(WSS_ENABLED),
                values.get(WSS_CERT_FILE), values.get(WSS_KEY_FILE));
    }

    private record Parsed(Map<ConfigKey<?>, Object> byKey) {

        // Safe: each entry was produced by the parser of the very key it is stored under.
        @SuppressWarnings("unchecked")
        <T> T get(ConfigKey<T> key) {
            return (T) byKey.get(key);
        }
    }
}
