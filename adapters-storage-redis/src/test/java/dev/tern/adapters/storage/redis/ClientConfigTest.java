package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;

/** What Tern makes of a Redisson YAML configuration file, before connecting anywhere. */
class ClientConfigTest {

    @TempDir
    Path directory;

    private Path yaml(String text) throws IOException {
        return Files.writeString(directory.resolve("redisson.yaml"), text);
    }

    @Test
    void acceptsRedisClusterWithTernsCodecScriptAndReadSettings() throws IOException {
        Config config = ClientConfig.fromFile(yaml("""
                codec: !<org.redisson.client.codec.StringCodec> {}
                useScriptCache: true
                clusterServersConfig:
                  readMode: SLAVE
                  nodeAddresses:
                    - "redis://127.0.0.1:7000"
                """));

        assertThat(config.isClusterConfig()).isTrue();
        assertThat(config.useClusterServers().getNodeAddresses()).containsExactly("redis://127.0.0.1:7000");
        assertThat(config.useClusterServers().getReadMode()).isEqualTo(ReadMode.MASTER);
        assertThat(config.getCodec()).isSameAs(Codecs.BYTES);
        assertThat(config.isUseScriptCache()).isFalse();
    }

    @Test
    void turnsRedissonObjectReferencesOffWhateverTheFileSays() throws IOException {
        Config config = ClientConfig.fromFile(yaml("""
                referenceEnabled: true
                singleServerConfig:
                  address: "redis://127.0.0.1:6379"
                """));

        assertThat(config.isReferenceEnabled()).isFalse();
    }

    @Test
    void refusesTopologiesOtherThanOneServerOrSentinel() throws IOException {
        Path file = yaml("""
                replicatedServersConfig:
                  nodeAddresses:
                    - "redis://127.0.0.1:7000"
                """);

        assertThatThrownBy(() -> ClientConfig.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("singleServerConfig or sentinelServersConfig");
    }

    @Test
    void readsSentinelConfigurationAndReadsFromThePrimaryOnly() throws IOException {
        Config config = ClientConfig.fromFile(yaml("""
                sentinelServersConfig:
                  masterName: tern
                  readMode: SLAVE
                  sentinelAddresses:
                    - "redis://127.0.0.1:26379"
                """));

        assertThat(config.isSentinelConfig()).isTrue();
        assertThat(config.useSentinelServers().getMasterName()).isEqualTo("tern");
        assertThat(config.useSentinelServers().getReadMode()).isEqualTo(ReadMode.MASTER);
    }

    @Test
    void replacesTheCodecOfTheFileWithTernsExplicitOne() throws IOException {
        Config config = ClientConfig.fromFile(yaml("""
                codec: !<org.redisson.client.codec.StringCodec> {}
                useScriptCache: true
                singleServerConfig:
                  address: "redis://127.0.0.1:6379"
                """));

        assertThat(config.getCodec()).isSameAs(Codecs.BYTES);
        assertThat(config.isUseScriptCache()).isFalse();
    }

    @Test
    void neverRepeatsTheFileWhenItIsMalformed() throws IOException {
        Path file = yaml("""
                password: "hunter2-secret"
                singleServerConfig:
                  address: "redis://127.0.0.1:6379"
                  database: "hunter2-secret"
                """);

        assertThatThrownBy(() -> ClientConfig.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining("hunter2")
                .hasNoCause();
    }

    @Test
    void namesAFileThatCannotBeRead() {
        Path missing = directory.resolve("missing.yaml");

        assertThatThrownBy(() -> ClientConfig.fromFile(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing + " is not a readable file");
    }

    @Test
    void describesItsTargetByTheFileNotTheUrl() throws IOException {
        Path file = yaml("singleServerConfig: {address: \"redis://127.0.0.1:6379\"}\n");

        RedisStorageSettings settings = settingsWith(file);

        assertThat(settings.target()).isEqualTo("Redisson configuration " + file);
        assertThat(settings.toString()).contains("redissonConfig=" + file).doesNotContain("url=");
    }

    private static RedisStorageSettings settingsWith(Path file) {
        return RedisStorageSettings.of("redis://u:pw@127.0.0.1:6379").withRedissonConfig(file);
    }
}
