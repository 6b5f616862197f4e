package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void noSourcesGiveTheBuiltInDefaults() {
        BrokerConfig config = ConfigLoader.load(noArguments(), Map.of());

        assertThat(config.listeners().tcp()).isEqualTo(new TcpListenerConfig("127.0.0.1", 1883, true));
        assertThat(config.storage().backend()).isEqualTo(StorageBackend.H2);
        assertThat(config.storage().h2().path()).isEqualTo("./data/tern");
        assertThat(config.storage().redis().url()).isEqualTo(URI.create("redis://127.0.0.1:6379"));
        assertThat(config.mqtt()).isEqualTo(new MqttConfig(Duration.ofSeconds(10), 268_435_455, 32, 1000,
                QueueOverflow.DROP_OLDEST, false));
        assertThat(config.mqtt5().sharedStrategy()).isEqualTo(SharedStrategy.ROUND_ROBIN);
        assertThat(config.mqtt5().serverReference()).isEmpty();
        assertThat(config).isEqualTo(BrokerConfig.defaults());
    }

    @Test
    void tcpIoThreadsDefaultToOnePerProcessorAndCanBeSet() {
        assertThat(ConfigLoader.load(noArguments(), Map.of()).listeners().tcp().ioThreads()).isZero();

        BrokerConfig config = ConfigLoader.load(
                new CommandLine(Optional.empty(), List.of(new CommandLine.Setting("listeners.tcp.io-threads", "1"))),
                Map.of());

        assertThat(config.listeners().tcp().ioThreads()).isEqualTo(1);
    }

    @Test
    void negativeTcpIoThreadsAreRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(
                new CommandLine(Optional.empty(), List.of(new CommandLine.Setting("listeners.tcp.io-threads", "-1"))),
                Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners.tcp.io-threads");
    }

    @Test
    void readsNestedAndDottedKeysFromTheYamlFile() throws IOException {
        Path file = yaml("""
                listeners:
                  tcp:
                    host: 0.0.0.0
                    port: 1884
                storage.backend: memory
                mqtt:
                  max-inflight: 16
                  queue-overflow: refuse-newest
                  queue-qos0-for-offline: true
                """);

        BrokerConfig config = ConfigLoader.load(withFile(file), Map.of());

        assertThat(config.listeners().tcp()).isEqualTo(new TcpListenerConfig("0.0.0.0", 1884, true));
        assertThat(config.storage().backend()).isEqualTo(StorageBackend.MEMORY);
        assertThat(config.mqtt().maxInflight()).isEqualTo(16);
        assertThat(config.mqtt().queueOverflow()).isEqualTo(QueueOverflow.REFUSE_NEWEST);
        assertThat(config.mqtt().queueQos0ForOffline()).isTrue();
        assertThat(config.mqtt().maxQueuedMessages()).as("untouched keys keep their default").isEqualTo(1000);
    }

    @Test
    void emptyYamlFileChangesNothing() throws IOException {
        assertThat(ConfigLoader.load(withFile(yaml("")), Map.of())).isEqualTo(BrokerConfig.defaults());
    }

    @Test
    void environmentOverridesTheFile() throws IOException {
        Path file = yaml("listeners: {tcp: {port: 1884}}\nmqtt: {receive-maximum: 5}\n");

        BrokerConfig config = ConfigLoader.load(withFile(file), Map.of(
                "TERN_LISTENERS_TCP_PORT", "1885",
                "TERN_MQTT_MAX_QUEUED_MESSAGES", "50",
                "PATH", "/usr/bin"));

        assertThat(config.listeners().tcp().port()).isEqualTo(1885);
        assertThat(config.mqtt().maxQueuedMessages()).isEqualTo(50);
        assertThat(config.mqtt5().receiveMaximum()).isEqualTo(5);
    }

    @Test
    void setOverridesEnvironmentAndFileAndTheLastSetWins() throws IOException {
        Path file = yaml("listeners.tcp.port: 1884\n");
        CommandLine commandLine = new CommandLine(Optional.of(file), List.of(
                new CommandLine.Setting("listeners.tcp.port", "1886"),
                new CommandLine.Setting("listeners.tcp.port", "1887")));

        BrokerConfig config = ConfigLoader.load(commandLine, Map.of("TERN_LISTENERS_TCP_PORT", "1885"));

        assertThat(config.listeners().tcp().port()).isEqualTo(1887);
    }

    @Test
    void badNumberNamesTheKeyTheValueAndTheSource() {
        assertThatThrownBy(() -> ConfigLoader.load(withSet("listeners.tcp.port", "abc"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("listeners.tcp.port: \"abc\" is not a number (from --set)");
    }

    @Test
    void outOfRangeNumberFromTheEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(noArguments(), Map.of("TERN_MQTT_MAX_INFLIGHT", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("mqtt.max-inflight: \"0\" is out of range 1..65535"
                        + " (from environment variable TERN_MQTT_MAX_INFLIGHT)");
    }

    @Test
    void badEnumValueListsTheAllowedValues() throws IOException {
        Path file = yaml("mqtt:\n  queue-overflow: drop-newest\n");

        assertThatThrownBy(() -> ConfigLoader.load(withFile(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("mqtt.queue-overflow: \"drop-newest\" is not one of drop-oldest, refuse-newest"
                        + " (from config file " + file + ")");
    }

    @Test
    void unknownKeySuggestsTheClosestKnownKey() {
        assertThatThrownBy(() -> ConfigLoader.load(withSet("listeners.tcp.prot", "1884"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown key \"listeners.tcp.prot\" (from --set); did you mean \"listeners.tcp.port\"?");
    }

    @Test
    void unknownKeyWithoutItsSectionSuggestsTheFullKey() throws IOException {
        Path file = yaml("max-inflight: 10\n");

        assertThatThrownBy(() -> ConfigLoader.load(withFile(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key \"max-inflight\"")
                .hasMessageContaining("did you mean \"mqtt.max-inflight\"?");
    }

    @Test
    void unknownTernEnvironmentVariableIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.load(noArguments(), Map.of("TERN_LISTENERS_TCP_PROT", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown key \"TERN_LISTENERS_TCP_PROT\" (from environment);"
                        + " did you mean \"TERN_LISTENERS_TCP_PORT\"?");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        CommandLine commandLine = new CommandLine(Optional.empty(), List.of(
                new CommandLine.Setting("mqtt.max-packet-size", "huge"),
                new CommandLine.Setting("listeners.tcp.enabled", "yes")));

        assertThatThrownBy(() -> ConfigLoader.load(commandLine, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "listeners.tcp.enabled: \"yes\" is not true or false (from --set)",
                        "mqtt.max-packet-size: \"huge\" is not a number (from --set)"));
    }

    @Test
    void missingConfigFileSaysSo() {
        Path missing = dir.resolve("nowhere.yaml");

        assertThatThrownBy(() -> ConfigLoader.load(withFile(missing), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + missing + " does not exist or is not a regular file");
    }

    @Test
    void malformedYamlNamesTheFile() throws IOException {
        Path file = yaml("listeners:\n  tcp: [unclosed\n");

        assertThatThrownBy(() -> ConfigLoader.load(withFile(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config file " + file + " is not valid YAML");
    }

    @Test
    void yamlListsAndEmptyValuesAreRejected() throws IOException {
        Path file = yaml("listeners:\n  tcp:\n    host: [a, b]\n    port:\n");

        assertThatThrownBy(() -> ConfigLoader.load(withFile(file), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "listeners.tcp.host: lists are not supported (in config file " + file + ")",
                        "listeners.tcp.port: has no value (in config file " + file + ")"));
    }

    @Test
    void keyGivenTwiceInTheFileIsRejected() throws IOException {
        Path file = yaml("listeners.tcp.port: 1884\nlisteners:\n  tcp:\n    port: 1885\n");

        assertThatThrownBy(() -> ConfigLoader.load(withFile(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("listeners.tcp.port: given twice (in config file " + file + ")");
    }

    @Test
    void redisUrlMustUseARedisScheme() {
        assertThatThrownBy(() -> ConfigLoader.load(withSet("storage.redis.url", "http://localhost:6379"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("storage.redis.url: \"http://localhost:6379\" is not a URL of the form"
                        + " redis://host[:port] or rediss://host[:port] (from --set)");
    }

    private Path yaml(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "tern", ".yaml"), content);
    }

    private static CommandLine noArguments() {
        return new CommandLine(Optional.empty(), List.of());
    }

    private static CommandLine withFile(Path file) {
        return new CommandLine(Optional.of(file), List.of());
    }

    private static CommandLine withSet(String key, String value) {
        return new CommandLine(Optional.empty(), List.of(new CommandLine.Setting(key, value)));
    }
}
