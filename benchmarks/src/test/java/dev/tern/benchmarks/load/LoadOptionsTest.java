package dev.tern.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadOptionsTest {

    private static LoadOptions parse(String... args) {
        List<String> all = new ArrayList<>(List.of("--scenario", "cluster-fan-in-qos0"));
        all.addAll(List.of(args));
        return LoadOptions.parse(all);
    }

    @Test
    void subscribersConnectToThePublishersPortWithoutASubPort() {
        LoadOptions options = parse("--port", "18830");

        assertThat(options.port()).isEqualTo(18830);
        assertThat(options.subscriberPort()).isEqualTo(18830);
    }

    @Test
    void subscribersConnectToTheSubPortWhenGiven() {
        LoadOptions options = parse("--port", "18830", "--sub-port", "18831");

        assertThat(options.port()).isEqualTo(18830);
        assertThat(options.subscriberPort()).isEqualTo(18831);
    }

    @Test
    void thePortsDefaultToMqttsOwn() {
        assertThat(parse().subscriberPort()).isEqualTo(1883);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "node-b", ""})
    void aSubPortThatIsNoTcpPortIsAUsageError(String port) {
        assertThatThrownBy(() -> parse("--sub-port", port))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--sub-port must be a TCP port");
    }

    @Test
    void aPortThatIsNoTcpPortIsAUsageErrorToo() {
        assertThatThrownBy(() -> parse("--port", "70000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port must be a TCP port");
    }

    @Test
    void aBrokerOfSeveralProcessesIsGivenAsACommaSeparatedList() {
        assertThat(parse("--broker-pid", "4242,4343").brokerPids()).containsExactly(4242L, 4343L);
        assertThat(parse("--broker-pid", "4242").brokerPids()).containsExactly(4242L);
        assertThat(parse().brokerPids()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242,", "4242,,4343", "0", "pid", "4242;4343"})
    void aBrokerPidListWithAnythingButProcessIdsIsAUsageError(String pids) {
        assertThatThrownBy(() -> parse("--broker-pid", pids))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--broker-pid must be a process id");
    }

    @Test
    void theRedisPidIsOneProcessId() {
        assertThat(parse("--redis-pid", "777").pid("redis-pid")).isEqualTo(777);
        assertThat(parse().pid("redis-pid")).isZero();
        assertThatThrownBy(() -> parse("--redis-pid", "777,778"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--redis-pid must be a process id");
    }

    @Test
    void theUsageNamesTheNewOptionsAndTheClusterScenarios() {
        assertThat(LoadOptions.USAGE).contains("--sub-port", "--redis-pid", "cluster-fan-in-qos1",
                "cluster-fan-out-qos1", "cluster-latency-qos1");
    }
}
