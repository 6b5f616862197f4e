package dev.tern.benchmarks.load;

import static dev.tern.benchmarks.load.LoadLines.assertComplete;
import static dev.tern.benchmarks.load.LoadLines.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.bootstrap.TernBroker;
import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
        List<CommandLine.Setting> settings = List.of(
                new CommandLine.Setting("storage.backend", "memory"),
                new CommandLine.Setting("listeners.tcp.host", "127.0.0.1"),
                new CommandLine.Setting("listeners.tcp.port", "0"),
                new CommandLine.Setting("listeners.websocket.port", "0"),
                new CommandLine.Setting("mqtt.max-queued-messages", "100000"));
        broker = TernBroker.start(ConfigLoader.load(new CommandLine(Optional.empty(), settings), Map.of()));
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
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void idleConnectionsAllConnectFromSeveralSourceAddresses(String protocol) throws Exception {
        String line = run(protocol, "idle-connections", "--connections", "50", "--source-addresses", "2");

        assertThat(field(line, "sent")).isEqualTo(50);
        assertComplete(line);
        assertThat(line).contains("\"rss_per_connection_bytes\":");
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void persistentSessionsReceiveEveryQueuedMessageAfterReconnecting(String protocol) throws Exception {
        String line = run(protocol, "persistent-sessions", "--clients", "20", "--per-client", "10");

        assertThat(field(line, "sent")).isEqualTo(200);
        assertThat(field(line, "acked")).isEqualTo(200);
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
