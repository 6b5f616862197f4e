package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ConnectionLimitsConfigTest {

    @Test
    void autoLeavesATwentiethOfTheFileDescriptorsForEverythingElse() {
        ConnectionLimitsConfig auto = new ConnectionLimitsConfig("auto", 0);

        assertThat(auto.resolvedMax(OptionalInt.of(20_000))).as("19,000 idle connections fit in 20,000 descriptors").isEqualTo(19_000);
        assertThat(auto.resolvedMax(OptionalInt.of(1_024))).as("at least 100 kept").isEqualTo(924);
        assertThat(auto.resolvedMax(OptionalInt.of(800))).as("at least 100 kept").isEqualTo(700);
        assertThat(auto.resolvedMax(OptionalInt.of(50))).as("never zero, which would mean no limit").isEqualTo(1);
        assertThat(auto.resolvedMax(OptionalInt.empty())).as("no limit known, none set").isZero();
    }

    @Test
    void aNumberOrZeroIsTakenAsWritten() {
        assertThat(new ConnectionLimitsConfig("5000", 0).resolvedMax(OptionalInt.of(20_000))).isEqualTo(5_000);
        assertThat(new ConnectionLimitsConfig(" 0 ", 0).resolvedMax(OptionalInt.of(20_000))).isZero();
    }

    @Test
    void anythingElseIsRefusedNamingTheSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectionLimitsConfig("lots", 0))
                .withMessageContaining("max must be auto");
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectionLimitsConfig("-1", 0))
                .withMessageContaining("max must be auto");
    }

    @Test
    void theSettingsAreReadUnderLimitsConnections() {
        BrokerConfig config = ConfigLoader.load(new CommandLine(Optional.empty(), List.of(
                new CommandLine.Setting("limits.connections.max", "300"),
                new CommandLine.Setting("limits.connections.max-per-address", "20"))), Map.of());

        assertThat(config.connectionLimits()).isEqualTo(new ConnectionLimitsConfig("300", 20));
        assertThat(BrokerConfig.defaults().connectionLimits()).isEqualTo(new ConnectionLimitsConfig("auto", 0));
        assertThatThrownBy(() -> ConfigLoader.load(new CommandLine(Optional.empty(),
                List.of(new CommandLine.Setting("limits.connections.max", "lots"))), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("limits.connections.*: max must be auto");
    }
}
