package dev.tern.benchmarks.load;

import static dev.tern.benchmarks.load.LoadLines.assertComplete;
import static dev.tern.benchmarks.load.LoadLines.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The zero-work relay ({@code src/main/c/tern-relay.c}), compiled with gcc and run as a process,
 * serves the load generator's QoS 0 flows (and QoS 1 fan-in) in both protocol versions without
 * losing or duplicating a message, and stops on SIGTERM. Asserts completeness, never speed.
 * gcc is a prerequisite, like mosquitto for other tests ({@code scripts/test.sh} installs it).
 */
class RelaySmokeTest {

    private static Process relay;
    private static int port;

    @BeforeAll
    static void startRelay() throws Exception {
        Path binary = Path.of("target", "tern-relay-test");
        Files.createDirectories(binary.getParent());
        Process gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-Werror", "-o", binary.toString(),
                "src/main/c/tern-relay.c").redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor()).as("gcc: %s", output).isZero();

        relay = new ProcessBuilder(binary.toString(), "0").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String first = new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        assertThat(first).startsWith("listening on ");
        port = Integer.parseInt(first.substring("listening on ".length()).trim());
    }

    @AfterAll
    static void stopRelay() throws Exception {
        if (relay == null) {
            return;
        }
        relay.destroy(); // SIGTERM
        assertThat(relay.waitFor(5, TimeUnit.SECONDS)).as("relay exits on SIGTERM").isTrue();
        assertThat(relay.exitValue()).isZero();
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void fanInQos0ArrivesComplete(String protocol) throws Exception {
        String line = run(protocol, "fan-in-qos0", "--messages", "3000", "--publishers", "16");

        assertThat(field(line, "sent")).isEqualTo(48_000);
        assertComplete(line);
        assertThat(line).contains("\"broker_cpu_s_per_million_msgs\":");
    }

    @Test
    void fanInQos0WithOnePublishPerWriteArrivesComplete() throws Exception {
        String line = run("3.1.1", "fan-in-qos0", "--messages", "500", "--publishers", "4", "--batch", "1");

        assertThat(line).startsWith("{\"scenario\":\"fan-in-qos0-batch1\"").contains("\"publishes_per_write\":1");
        assertThat(field(line, "sent")).isEqualTo(2_000);
        assertComplete(line);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(strings = {"3.1.1", "5"})
    void fanOutReachesEverySubscriber(String protocol) throws Exception {
        String line = run(protocol, "fan-out", "--messages", "200", "--subscribers", "50");

        assertThat(field(line, "sent")).isEqualTo(10_000);
        assertComplete(line);
    }

    @Test
    void fanInQos1IsAcknowledgedAndForwarded() throws Exception {
        String line = run("5", "fan-in-qos1", "--messages", "500", "--publishers", "4", "--batch", "1");

        assertComplete(line);
    }

    private static String run(String protocol, String scenario, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--scenario", scenario, "--port", String.valueOf(port),
                "--broker-pid", String.valueOf(relay.pid()), "--broker-name", "relay", "--stall", "5",
                "--timeout", "20", "--protocol", protocol));
        args.addAll(List.of(extra));
        return LoadMain.run(args);
    }
}
