package dev.tern.benchmarks.load;

import static dev.tern.benchmarks.load.LoadLines.assertComplete;
import static dev.tern.benchmarks.load.LoadLines.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.bootstrap.TernBroker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cluster flows with tiny counts against one in-process broker with two TCP listeners: the
 * subscribers on the second ({@code --sub-port}), the publishers on the first, which is the load
 * generator's side of a two-node run (the nodes themselves are {@code scripts/bench.sh}'s). Asserts
 * completeness and that the route probes stayed out of the ledgers, never speed.
 */
class ClusterFlowsSmokeTest {

    private static TernBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LoopbackBroker.start("mqtt.max-queued-messages", "100000",
                "listeners.tcp-b.type", "tcp", "listeners.tcp-b.host", "127.0.0.1", "listeners.tcp-b.port", "0");
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cluster-fan-in-qos0", "cluster-fan-in-qos1"})
    void fanInWithTheSubscriberOnTheOtherListenerDeliversEveryMessageOnce(String scenario) throws Exception {
        String line = run(scenario, true, "--messages", "20");

        assertThat(field(line, "sent")).isEqualTo(320);
        assertThat(field(line, "qos")).isEqualTo(ClusterFlows.qos(scenario));
        assertThat(line).contains("\"sub_port_differs\":true");
        assertComplete(line);
        assertThat(field(line, "latency_p99_us")).isGreaterThanOrEqualTo(field(line, "latency_p50_us"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cluster-fan-out-qos0", "cluster-fan-out-qos1"})
    void fanOutWithTheSubscribersOnTheOtherListenerDeliversEveryMessageToEach(String scenario) throws Exception {
        String line = run(scenario, true, "--messages", "10", "--subscribers", "20");

        assertThat(field(line, "sent")).isEqualTo(200);
        assertComplete(line);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cluster-latency-qos0", "cluster-latency-qos1"})
    void latencyAtAFixedRateOnOneListenerReportsPercentiles(String scenario) throws Exception {
        String line = run(scenario, false, "--messages", "200", "--rate", "2000");

        assertThat(line).contains("\"sub_port_differs\":false");
        assertComplete(line);
        assertThat(field(line, "offered_msgs_per_s")).isEqualTo(2000);
        assertThat(field(line, "latency_p99_us")).isGreaterThanOrEqualTo(field(line, "latency_p50_us"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cluster-fan-in-qos1", "fan-in-qos1"})
    void theRedisServersCpuIsReportedOnlyWhenItsPidIsGiven(String scenario) throws Exception {
        String pid = String.valueOf(ProcessHandle.current().pid());

        assertThat(run(scenario, true, "--messages", "5", "--redis-pid", pid)).contains("\"redis_cpu_s_per_million_msgs\":");
        assertThat(run(scenario, true, "--messages", "5")).doesNotContain("redis_cpu");
    }

    @Test
    void aFlowWhoseSubscribersNoPublisherReachesStopsBeforePublishingInsteadOfCountingLoss() throws Exception {
        // Another broker, not clustered with the first: no route will ever lead there.
        try (TernBroker unrelated = LoopbackBroker.start()) {
            List<String> args = List.of("--scenario", "cluster-fan-in-qos0", "--port", String.valueOf(broker.port("tcp")),
                    "--sub-port", String.valueOf(unrelated.port("tcp")), "--messages", "5", "--timeout", "2");

            assertThatThrownBy(() -> LoadMain.run(args))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no route from port " + broker.port("tcp"));
        }
    }

    private static String run(String scenario, boolean subscribersOnTheOtherListener, String... extra) throws Exception {
        int publishers = broker.port("tcp");
        int subscribers = subscribersOnTheOtherListener ? broker.port("tcp-b") : publishers;
        List<String> args = new ArrayList<>(List.of("--scenario", scenario, "--port", String.valueOf(publishers),
                "--sub-port", String.valueOf(subscribers), "--broker-pid", String.valueOf(ProcessHandle.current().pid()),
                "--stall", "5", "--timeout", "15"));
        args.addAll(List.of(extra));
        String line = LoadMain.run(args);
        assertThat(line).startsWith("{\"scenario\":\"" + scenario + "\"").doesNotContain("\n");
        assertThat(field(line, "route_wait_ms")).isNotNegative();
        return line;
    }
}
