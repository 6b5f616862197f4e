package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.adapters.storage.h2.H2StorageSettings;
import dev.tern.adapters.tcp.TcpListenerProvider;
import java.io.IOException;
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

        assertThat(config.listenerSettings("tcp", TcpListenerProvider.Settings.class))
                .contains(new TcpListenerProvider.Settings("127.0.0.1", 1883, 0));
        assertThat(config.listeners()).extracting(Chosen::name).containsExactly("tcp", "websocket");
        assertThat(config.storageConfig()).isEqualTo(new StorageConfig("h2", Durability.ACK_AFTER_COMMIT));
        assertThat(config.storage().name()).isEqualTo("h2");
        assertThat(config.storage().settings()).isEqualTo(
                new H2StorageSettings(Path.of("./data/tern"), H2StorageSettings.OnCorruption.FAIL));
        assertThat(config.authenticator().name()).isEqualTo("file");
        assertThat(config.authorizer().name()).isEqualTo("acl");
        assertThat(config.mqtt()).isEqualTo(new MqttConfig(Duration.ofSeconds(10), 268_435_455, 32, 1000,
                QueueOverflow.DROP_OLDEST, false));
        assertThat(config.mqtt5().sharedStrategy()).isEqualTo(SharedStrategy.ROUND_ROBIN);
        assertThat(config.mqtt5().serverReference()).isEmpty();
        assertThat(config.plugins()).isEqualTo(new PluginsConfig(Path.of("./plugins"), 8192));
        assertThat(config).isEqualTo(BrokerConfig.defaults());
    }

    @Test
    void tcpIoThreadsDefaultToOnePerProcessorAndCanBeSet() {
        assertThat(tcp(ConfigLoader.load(noArguments(), Map.of())).ioThreads()).isZero();

        assertThat(tcp(Load.withSets("listeners.tcp.io-threads=1")).ioThreads()).isEqualTo(1);
    }

    @Test
    void negativeTcpIoThreadsAreRefusedWithTheRange() {
        assertThatThrownBy(() -> Load.withSets("listeners.tcp.io-threads=-1"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("listeners.tcp.io-threads: \"-1\" is out of range 0..1024 (from --set)");
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

        assertThat(tcp(config)).isEqualTo(new TcpListenerProvider.Settings("0.0.0.0", 1884, 0));
        assertThat(config.storage().name()).isEqualTo("memory");
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

        assertThat(tcp(config).port()).isEqualTo(1885);
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

        assertThat(tcp(config).port()).isEqualTo(1887);
    }

    @Test
    void providerSettingsFollowTheSamePrecedence() throws IOException {
        Path file = yaml("storage: {backend: h2, h2: {path: ./from-file, on-corruption: quarantine}}\n");

        BrokerConfig config = ConfigLoader.load(Load.commandLine(Optional.of(file), "storage.h2.path=./from-set"),
                Map.of("TERN_STORAGE_H2_PATH", "./from-env", "TERN_STORAGE_H2_ON_CORRUPTION", "fail"));

        assertThat(config.storage().settings()).isEqualTo(
                new H2StorageSettings(Path.of("./from-set"), H2StorageSettings.OnCorruption.FAIL));
    }

    @Test
    void badNumberNamesTheKeyTheValueAndTheSource() {
        assertThatThrownBy(() -> Load.withSets("listeners.tcp.port=abc"))
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
    void badProviderSettingNamesTheKeyTheValueAndTheSource() {
        assertThatThrownBy(() -> ConfigLoader.load(noArguments(), Map.of("TERN_STORAGE_H2_ON_CORRUPTION", "ignore")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("storage.h2.on-corruption: \"ignore\" is not one of fail, quarantine"
                        + " (from environment variable TERN_STORAGE_H2_ON_CORRUPTION)");
    }

    @Test
    void unknownKeySuggestsTheClosestKnownKey() {
        assertThatThrownBy(() -> Load.withSets("listeners.tcp.prot=1884"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown key \"listeners.tcp.prot\" (from --set); did you mean \"listeners.tcp.port\"?");
    }

    @Test
    void unknownKeyWithoutItsSectionSuggestsTheFullKey() throws IOException {
        Path file = yaml("max-inflight: 10\n");

        assertThatThrownBy(() -> ConfigLoader.load(withFile(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown key \"max-inflight\" (from config file " + file + ");"
                        + " did you mean \"mqtt.max-inflight\"?");
    }

    @Test
    void unknownProviderKeySuggestsTheProviderKey() {
        assertThatThrownBy(() -> Load.withSets("storage.h2.pth=./x"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown key \"storage.h2.pth\" (from --set); did you mean \"storage.h2.path\"?");
    }

    @Test
    void unknownTernEnvironmentVariableIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.load(noArguments(), Map.of("TERN_LISTENERS_TCP_PROT", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown key \"TERN_LISTENERS_TCP_PROT\" (from environment);"
                        + " did you mean \"TERN_LISTENERS_TCP_PORT\"?");
    }

    @Test
    void oldSecurityKeysAreUnknownAndPointToTheirNewPlace() {
        assertThatThrownBy(() -> Load.withSets("security.password-file=/etc/tern/passwords"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown key \"security.password-file\" (from --set)");
        assertThatThrownBy(() -> Load.withSets("security.acl-file=/etc/tern/acl"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown key \"security.acl-file\" (from --set); did you mean \"security.acl.file\"?");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        CommandLine commandLine = Load.commandLine(Optional.empty(),
                "mqtt.max-packet-size=huge", "listeners.tcp.enabled=yes");

        assertThatThrownBy(() -> ConfigLoader.load(commandLine, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "listeners.tcp.enabled: \"yes\" is not true or false (from --set)",
                        "mqtt.max-packet-size: \"huge\" is not a number (from --set)"));
    }

    @Test
    void reportsEveryUnknownKeyOfEverySourceAtOnce() throws IOException {
        Path file = yaml("mqtt.nope: 1\n");
        CommandLine commandLine = Load.commandLine(Optional.of(file), "storage.nope=2");

        assertThatThrownBy(() -> ConfigLoader.load(commandLine, Map.of("TERN_NOPE", "3")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(3)
                        .anySatisfy(p -> assertThat(p).startsWith("unknown key \"mqtt.nope\" (from config file"))
                        .anySatisfy(p -> assertThat(p).startsWith("unknown key \"TERN_NOPE\" (from environment)"))
                        .anySatisfy(p -> assertThat(p).startsWith("unknown key \"storage.nope\" (from --set)")));
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
    void aRecordRefusingItsSettingsIsReportedUnderItsNamespace() {
        assertThatThrownBy(() -> Load.withSets("listeners.tcp.host= "))
                .isInstanceOf(ConfigException.class)
                .hasMessage("listeners.tcp.host: \" \" must not be blank (from --set)");
        assertThatThrownBy(() -> Load.withSets("storage.backend=redis", "storage.redis.url=http://localhost:6379"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("storage.redis.*: ")
                .hasMessageContaining("redis");
    }

    private static TcpListenerProvider.Settings tcp(BrokerConfig config) {
        return config.listenerSettings("tcp", TcpListenerProvider.Settings.class).orElseThrow();
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
}
