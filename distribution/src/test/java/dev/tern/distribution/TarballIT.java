package dev.tern.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tern.testkit.process.ProcessOutput;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release tarball as an operator gets it: unpacked with tar, started through bin/tern from
 * another directory, used by a real MQTT client, stopped with SIGTERM; its systemd unit checked
 * by systemd-analyze.
 */
class TarballIT {

    @TempDir
    static Path unpacked;
    private static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("tern.tarball", "target/tern-" + System.getProperty("tern.version") + ".tar.gz"));
        assertThat(tarball).as("the tarball, built by mvn package").isRegularFile();
        Result tar = run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()), Map.of(), unpacked);
        assertThat(tar.exitCode()).as("tar: %s", tar.output()).isZero();
        home = unpacked.resolve("tern-" + System.getProperty("tern.version"));
    }

    @Test
    void theTarballHasTheReleaseLayout() {
        for (String file : List.of("bin/tern", "bin/tern-passwd")) {
            assertThat(home.resolve(file)).isRegularFile().isExecutable();
        }
        for (String file : List.of("conf/tern.yaml", "conf/logback.xml", "lib/tern.jar", "systemd/tern.service",
                "LICENSE", "README")) {
            assertThat(home.resolve(file)).isRegularFile();
        }
        assertThat(home.resolve("data")).isEmptyDirectory();
        assertThat(home.resolve("plugins")).isEmptyDirectory();
        assertThat(home.resolve("README")).content().contains("release " + System.getProperty("tern.version"));
    }

    @Test
    void binTernServesMqttKeepsItsStateUnderTernHomeAndStopsCleanlyOnSigterm() throws Exception {
        int port = freePort();
        try (Broker broker = Broker.start(Map.of("TERN_LISTENERS_TCP_PORT", String.valueOf(port)))) {
            Mqtt5BlockingClient subscriber = client("dist-sub", port);
            subscriber.connect();
            try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
                subscriber.subscribeWith().topicFilter("dist/#").qos(MqttQos.AT_LEAST_ONCE).send();
                Mqtt5BlockingClient publisher = client("dist-pub", port);
                publisher.connect();
                publisher.publishWith().topic("dist/hello").qos(MqttQos.AT_LEAST_ONCE)
                        .payload("from the tarball".getBytes(StandardCharsets.UTF_8)).send();
                Optional<Mqtt5Publish> received = publishes.receive(10, TimeUnit.SECONDS);
                assertThat(received).as("message received; broker output: %s", broker.output()).isPresent();
                assertThat(new String(received.get().getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("from the tarball");
                publisher.disconnect();
            }
            subscriber.disconnect();
            assertThat(home.resolve("data/tern.mv.db")).as("the H2 file under TERN_HOME/data (conf/tern.yaml)").isRegularFile();

            int exit = broker.sigterm();
            // The JVM ends with 128 + 15 when SIGTERM stops it after its shutdown hooks ran.
            assertThat(exit).as("exit code; output: %s", broker.output()).isEqualTo(143);
            assertThat(broker.output()).anyMatch(line -> line.contains("Tern stopped"))
                    .noneMatch(line -> line.contains("ERROR") || line.contains("WARN"));
        }
    }

    @Test
    void logFormatJsonWritesOneJsonObjectPerLine() throws Exception {
        int port = freePort();
        List<String> lines;
        try (Broker broker = Broker.start(Map.of("TERN_LISTENERS_TCP_PORT", String.valueOf(port),
                "TERN_LOG_FORMAT", "json", "TERN_STORAGE_BACKEND", "memory"))) {
            Mqtt5BlockingClient client = client("dist-json", port);
            client.connect();
            client.disconnect();
            assertThat(broker.sigterm()).isEqualTo(143);
            lines = broker.output();
        }
        ObjectMapper json = new ObjectMapper();
        assertThat(lines).hasSizeGreaterThan(3);
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            assertThat(event.isObject()).as("a JSON object: %s", line).isTrue();
            assertThat(event.path("level").asText()).as(line).isNotEmpty();
            assertThat(event.path("loggerName").asText()).as(line).isNotEmpty();
            assertThat(event.path("timestamp").isNumber()).as(line).isTrue();
        }
        assertThat(lines).anyMatch(line -> line.contains("Tern ready")).anyMatch(line -> line.contains("Tern stopped"));
    }

    @Test
    void binTernRefusesAJavaOlderThan17WithAClearMessage(@TempDir Path fakeJavaHome) throws Exception {
        Path java = Files.createDirectories(fakeJavaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Result result = run(List.of(home.resolve("bin/tern").toString()), Map.of("JAVA_HOME", fakeJavaHome.toString()), unpacked);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("Java 17 or later is needed").contains("11.0.22");
    }

    @Test
    void binTernPasswdWritesAPasswordFile() throws Exception {
        Path passwords = unpacked.resolve("passwords");
        Result result = run(List.of(home.resolve("bin/tern-passwd").toString(), "--password", "s3cret",
                passwords.toString(), "sensor"), Map.of(), unpacked);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(passwords).content().startsWith("sensor:$pbkdf2-sha512$");
    }

    @Test
    void systemdAnalyzeVerifyAcceptsTheUnit(@TempDir Path units) throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assertThat(analyze).as("systemd-analyze is needed to check systemd/tern.service: apt-get install systemd"
                + " (scripts/test.sh installs it)").isExecutable();
        // The unit names /opt/tern; verify checks that ExecStart exists, so point it at this unpacked copy.
        String unit = Files.readString(home.resolve("systemd/tern.service")).replace("/opt/tern", home.toString());
        Path copy = Files.writeString(units.resolve("tern.service"), unit);
        Result result = run(List.of(analyze.toString(), "verify", copy.toString()), Map.of(), units);
        assertThat(result.exitCode()).as("systemd-analyze verify: %s", result.output()).isZero();
        assertThat(result.output()).as("systemd-analyze verify warnings").isBlank();
    }

    private static Mqtt5BlockingClient client(String id, int port) {
        return MqttClient.builder().useMqttVersion5().identifier(id).serverHost("127.0.0.1").serverPort(port).buildBlocking();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Map<String, String> environment, Path directory) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** bin/tern as a child process, started from a directory other than TERN_HOME. */
    private static final class Broker implements AutoCloseable {

        private final Process process;
        private final ProcessOutput output;

        private Broker(Process process) {
            this.process = process;
            this.output = ProcessOutput.follow(process, "tarball-broker-output");
        }

        static Broker start(Map<String, String> environment) throws Exception {
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/tern").toString())
                    .directory(unpacked.toFile()).redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("TERN_"));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("TERN_HEAP", "256m");
            builder.environment().put("TERN_LISTENERS_WEBSOCKET_ENABLED", "false");
            // Port 0: a developer's own broker may hold the default admin port 8088.
            builder.environment().put("TERN_ADMIN_HTTP_PORT", "0");
            builder.environment().putAll(environment);
            Broker broker = new Broker(builder.start());
            if (!broker.output.awaitLineContaining("Tern ready", Duration.ofSeconds(60))) {
                broker.process.destroyForcibly();
                throw new AssertionError("bin/tern did not get ready; it printed: " + broker.output());
            }
            return broker;
        }

        List<String> output() {
            return output.lines();
        }

        /**
         * SIGTERM to the JVM bin/tern exec'd into; its exit code. Through the process handle:
         * Process.destroy would also close the pipe and lose the last lines.
         */
        int sigterm() throws Exception {
            assertThat(process.toHandle().destroy()).as("SIGTERM sent").isTrue();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s; output: %s", output()).isTrue();
            output.awaitEnd(Duration.ofSeconds(10));
            return process.exitValue();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
