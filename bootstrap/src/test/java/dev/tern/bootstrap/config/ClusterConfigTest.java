package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {

    private static BrokerConfig load(String key, String value) {
        return ConfigLoader.load(new CommandLine(Optional.empty(), List.of(new CommandLine.Setting(key, value))),
                Map.of());
    }

    @Test
    void defaultsLeaveClusteringOffWithAGeneratedNodeIdKeptUnderData() {
        ClusterConfig cluster = BrokerConfig.defaults().cluster();

        assertThat(cluster.enabled()).isFalse();
        assertThat(cluster.nodeId()).isEmpty();
        assertThat(cluster.nodeIdFile()).isEqualTo(Path.of("data", "node-id"));
        assertThat(cluster.lease()).isEqualTo(Duration.ofSeconds(10));
        assertThat(cluster.handoverTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(cluster.forwardMaxLength()).isEqualTo(1_000_000);
    }

    @Test
    void everySettingIsReadFromItsKey() {
        BrokerConfig config = ConfigLoader.load(new CommandLine(Optional.empty(), List.of(
                new CommandLine.Setting("cluster.enabled", "true"),
                new CommandLine.Setting("cluster.node-id", "edge-7"),
                new CommandLine.Setting("cluster.node-id-file", "/var/lib/tern/node-id"),
                new CommandLine.Setting("cluster.lease", "4"),
                new CommandLine.Setting("cluster.handover-timeout", "1"),
                new CommandLine.Setting("cluster.forward-max-length", "5000"))), Map.of());

        assertThat(config.cluster()).isEqualTo(new ClusterConfig(true, "edge-7", Path.of("/var/lib/tern/node-id"),
                Duration.ofSeconds(4), Duration.ofSeconds(1), 5000));
    }

    @Test
    void aNodeIdIsLowerCaseLettersDigitsAndDashes() {
        assertThat(load("cluster.node-id", " node-a1 ").cluster().nodeId()).isEqualTo("node-a1");
        assertThatThrownBy(() -> load("cluster.node-id", "Node_A")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cluster.*").hasMessageContaining("Node_A");
        assertThatThrownBy(() -> load("cluster.node-id", "a".repeat(65))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("node-id");
    }

    @Test
    void aLeaseOrHandoverOfZeroAndAnEmptyForwardStreamAreRefused() {
        assertThatThrownBy(() -> load("cluster.lease", "0")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cluster.lease");
        assertThatThrownBy(() -> load("cluster.handover-timeout", "0")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cluster.handover-timeout");
        assertThatThrownBy(() -> load("cluster.forward-max-length", "0")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cluster.forward-max-length");
    }

    @Test
    void helpListsTheClusterSettingsWithTheirDefaults() {
        String help = Usage.text(dev.tern.bootstrap.plugin.ProviderDiscovery.onClassPath());

        assertThat(help).containsPattern("cluster\\.enabled\\s+\\[false]")
                .containsPattern("cluster\\.node-id\\s+\\[]")
                .containsPattern("cluster\\.node-id-file\\s+\\[data/node-id]")
                .containsPattern("cluster\\.lease\\s+\\[10]")
                .containsPattern("cluster\\.handover-timeout\\s+\\[2]")
                .containsPattern("cluster\\.forward-max-length\\s+\\[1000000]");
    }
}
