package dev.tern.benchmarks.load;

import static dev.tern.benchmarks.load.LoadLines.assertComplete;
import static dev.tern.benchmarks.load.LoadLines.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.bootstrap.TernBroker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every scenario of the load generator, with tiny counts and in both protocol versions, against an
 * in-process broker: keeps the tool working as the broker changes. Asserts completeness (nothing
 * lost, nothing twice), never speed.
 */
class LoadScenariosSmokeTest {

    private static TernBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LoopbackBroker.start("mqtt.max-queued-messages", "100000");
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void fanInAtQos0DeliversEveryMessageToTheWildcardSubscriber(String protocol) throws Exception {
        String line = run(protocol, "fan-in-qos0", "--messages", "20");

        assertThat(field(line, "sent")).isEqualTo(320);
        assertComplete(line);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void fanInAtQos1DeliversEveryMessageOnceWithinTheWindow(String protocol) throws Exception {
        String line = run(protocol, "fan-in-qos1", "--messages", "20", "--window", "4");

        assertThat(field(line, "sent")).isEqualTo(320);
        assertComplete(line);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void fanOutDeliversEveryMessageToEverySubscriber(String protocol) throws Exception {
        String line = run(protocol, "fan-out", "--messages", "10", "--subscribers", "20");

        assertThat(field(line, "sent")).isEqualTo(200);
        assertComplete(line);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void latencyRunReportsPercentilesForEveryMessage(String protocol) throws Exception {
        String line = run(protocol, "latency", "--messages", "200", "--rate", "2000");

        assertComplete(line);
        assertThat(field(line, "latency_p50_us")).isNotNegative();
        assertThat(field(line, "latency_p999_us")).isGreaterThanOrEqualTo(field(line, "latency_p99_us"));
        assertThat(field(line, "send_late_p99_us")).isNotNegative();
        assertThat(field(line, "send_late_p999_us")).isGreaterThanOrEqualTo(field(line, "send_late_p99_us"));
        assertThat(field(line, "transit_p99_us")).isNotNegative().isLessThanOrEqualTo(field(line, "latency_p99_us"));
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void latencyRunAfterARehearsalReportsOnlyItsOwnMessages(String protocol) throws Exception {
        String line = run(protocol, "latency", "--messages", "200", "--rate", "2000", "--rehearsals", "1");

        assertThat(field(line, "sent")).isEqualTo(200);
        assertThat(field(line, "received")).isEqualTo(200);
        assertComplete(line);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void idleConnectionsAllConnectFromSeveralSourceAddresses(String protocol) throws Exception {
        String line = run(protocol, "idle-connections", "--connections", "50", "--source-addresses", "2");

        assertThat(field(line, "sent")).isEqualTo(50);
        assertComplete(line);
        assertThat(line).contains("\"rss_per_connection_bytes\":");
    }

    @Test
    void idle19kIsTheIdleScenarioUnderItsOwnName() throws Exception {
        String line = run("3.1.1", "idle-19k", "--connections", "30", "--source-addresses", "2");

        assertThat(line).startsWith("{\"scenario\":\"idle-19k\"");
        assertThat(field(line, "sent")).isEqualTo(30);
        assertComplete(line);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void persistentSessionsReceiveEveryQueuedMessageAfterReconnecting(String protocol) throws Exception {
        String line = run(protocol, "persistent-sessions", "--clients", "20", "--per-client", "10");

        assertThat(field(line, "sent")).isEqualTo(200);
        assertThat(field(line, "acked")).isEqualTo(200);
        assertComplete(line);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void fanInAtQos2DeliversEveryMessageExactlyOnce(String protocol) throws Exception {
        String line = run(protocol, "fan-in-qos2", "--messages", "20", "--window", "4");

        assertThat(field(line, "qos")).isEqualTo(2);
        assertThat(field(line, "sent")).isEqualTo(320);
        assertThat(field(line, "refused")).isZero();
        assertComplete(line);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"large-64k-fan-in", "large-64k-fan-out", "large-1m-fan-in", "large-1m-fan-out"})
    void largePayloadsArriveWholeInBothDirections(String scenario) throws Exception {
        String line = run("5", scenario, "--messages", "3", "--publishers", "3", "--subscribers", "3");

        assertThat(field(line, "payload_bytes")).isEqualTo(scenario.startsWith("large-1m") ? 1_048_576 : 65_536);
        assertThat(field(line, "sent")).isEqualTo(9);
        assertComplete(line);
        assertThat(field(line, "peak_rss_kb")).isPositive();
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void subscriptionTableDeliversEveryMatchingTopicAndNoOther(String protocol) throws Exception {
        String line = run(protocol, "sub-table", "--clients", "30", "--per-client", "12", "--messages", "200",
                "--publishers", "2", "--topics", "64", "--churn", "2");

        assertThat(field(line, "subscriptions")).isEqualTo(360);
        assertThat(field(line, "sent")).isPositive().isLessThan(400);
        assertThat(field(line, "misdelivered")).isZero();
        assertThat(field(line, "churn_ops_per_s")).isPositive();
        assertComplete(line);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void retainedManyDeliversEachClientItsGroupsRetainedSet(String protocol) throws Exception {
        String line = run(protocol, "retained-many", "--retained", "300", "--groups", "3", "--clients", "12");

        // 12 clients, 4 per group, 100 retained topics per group.
        assertThat(field(line, "sent")).isEqualTo(1_200);
        assertThat(field(line, "misdelivered")).isZero();
        assertThat(field(line, "retained_refused")).isZero();
        assertComplete(line);
    }

    private static String run(String protocol, String scenario, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--scenario", scenario, "--port", String.valueOf(broker.port("tcp")),
                "--broker-pid", String.valueOf(ProcessHandle.current().pid()), "--stall", "5", "--timeout", "15",
                "--protocol", protocol));
        args.addAll(List.of(extra));
        String line = LoadMain.run(args);
        assertThat(line).startsWith("{\"scenario\":\"" + scenario + "\"").doesNotContain("\n")
                .contains("\"protocol\":\"" + protocol + "\"");
        return line;
    }
}
