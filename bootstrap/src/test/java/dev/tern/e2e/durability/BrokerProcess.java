package dev.tern.e2e.durability;

import dev.tern.testkit.process.ProcessOutput;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker jar as a child process, so that a test can kill it the hard way ({@code kill -9})
 * and start it again on the same data.
 */
public final class BrokerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final ProcessOutput output;

    private BrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.output = ProcessOutput.follow(process, "broker-output");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts {@code target/tern.jar} with these settings and waits for its ready line. */
    public static BrokerProcess start(int port, String... settings) throws IOException, InterruptedException {
        return start("256m", port, settings);
    }

    /** As {@link #start(int, String...)}, with {@code -Xmx<maxHeap>}. */
    public static BrokerProcess start(String maxHeap, int port, String... settings)
            throws IOException, InterruptedException {
        return start(List.of("-Xmx" + maxHeap), port, settings);
    }

    /** As {@link #start(int, String...)}, with these JVM options (heap bounds, say) instead of {@code -Xmx256m}. */
    public static BrokerProcess start(List<String> jvmOptions, int port, String... settings)
            throws IOException, InterruptedException {
        Path jar = Path.of("target", "tern.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new AssertionError("the broker jar is missing: " + jar + " (built by mvn package before this test)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--set", "listeners.tcp.port=" + port,
                "--set", "listeners.websocket.enabled=false", "--set", "admin.http.port=0"));
        for (String setting : settings) {
            command.add("--set");
            command.add(setting);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BrokerProcess broker = new BrokerProcess(process, port);
        if (!broker.output.awaitLineContaining("Tern ready", Duration.ofSeconds(60))) {
            process.destroyForcibly();
            throw new AssertionError("broker did not get ready; it printed: " + broker.output());
        }
        return broker;
    }

    public List<String> output() {
        return output.lines();
    }

    /** The process id, for reading the broker's heap, threads and descriptors from outside. */
    public long pid() {
        return process.pid();
    }

    /** Waits until the broker prints a line containing {@code text}; whether it did in time. */
    public boolean awaitLineContaining(String text, Duration timeout) throws InterruptedException {
        return output.awaitLineContaining(text, timeout);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
