package dev.tern.bootstrap.config;

import static dev.tern.bootstrap.config.ConfigKeys.CONNECT_TIMEOUT;
import static dev.tern.bootstrap.config.ConfigKeys.H2_PATH;
import static dev.tern.bootstrap.config.ConfigKeys.MAX_INFLIGHT;
import static dev.tern.bootstrap.config.ConfigKeys.MAX_PACKET_SIZE;
import static dev.tern.bootstrap.config.ConfigKeys.MAX_QUEUED_MESSAGES;
import static dev.tern.bootstrap.config.ConfigKeys.QUEUE_OVERFLOW;
import static dev.tern.bootstrap.config.ConfigKeys.QUEUE_QOS0_FOR_OFFLINE;
import static dev.tern.bootstrap.config.ConfigKeys.REDIS_URL;
import static dev.tern.bootstrap.config.ConfigKeys.RETRY_INTERVAL;
import static dev.tern.bootstrap.config.ConfigKeys.STORAGE_BACKEND;
import static dev.tern.bootstrap.config.ConfigKeys.TCP_ENABLED;
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
                        new TcpListenerConfig(values.get(TCP_HOST), values.get(TCP_PORT), values.get(TCP_ENABLED)),
                        webSocket(values),
                        wss(values)),
                new StorageConfig(
                        values.get(STORAGE_BACKEND),
                        new H2StorageConfig(values.get(H2_PATH)),
                        new RedisStorageConfig(values.get(REDIS_URL))),
                new MqttConfig(
                        values.get(CONNECT_TIMEOUT),
                        values.get(MAX_PACKET_SIZE),
                        values.get(MAX_INFLIGHT),
                        values.get(MAX_QUEUED_MESSAGES),
                        values.get(QUEUE_OVERFLOW),
                        values.get(QUEUE_QOS0_FOR_OFFLINE),
                        values.get(RETRY_INTERVAL)));
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
