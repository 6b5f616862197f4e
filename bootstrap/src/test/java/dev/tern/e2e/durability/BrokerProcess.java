package dev.tern.e2e.durability;

import dev.tern.testkit.process.ProcessOutput;
import dev.tern.testkit.process.ProcessThreads;
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
    /** A stopped JVM cannot run its shutdown hook: {@link #close()} continues it first. */
    private volatile boolean paused;
    /** How long {@link #pause()} and {@link #resume()} wait for the kernel to stop or continue every thread. */
    private static final Duration THREAD_STATE_TIMEOUT = Duration.ofSeconds(10);
    private final ProcessThreads threads;

    private BrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.output = ProcessOutput.follow(process, "broker-output");
        this.threads = new ProcessThreads(process.pid());
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
        List<String> command = command(jvmOptions, port, settings);
        BrokerProcess broker = new BrokerProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), port);
        if (!broker.output.awaitLineContaining("Tern ready", Duration.ofSeconds(60))) {
            broker.process.destroyForcibly();
            throw new AssertionError("broker did not get ready; it printed: " + broker.output());
        }
        return broker;
    }

    /**
     * Starts {@code target/tern.jar} with these settings without waiting for it to get ready: for
     * a start that is expected to fail ({@link #awaitExit}).
     */
    public static BrokerProcess launch(int port, String... settings) throws IOException {
        return new BrokerProcess(new ProcessBuilder(command(List.of("-Xmx256m"), port, settings))
                .redirectErrorStream(true).start(), port);
    }

    private static List<String> command(List<String> jvmOptions, int port, String... settings) {
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
        return command;
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

    public int port() {
        return port;
    }

    /** Waits for the process to end by itself; its exit code, or empty when it still runs after {@code timeout}. */
    public java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /**
     * SIGSTOP: the whole JVM freezes (no thread runs, no lease is renewed) until {@link #resume()}.
     * Returns once every thread of it is stopped: the kernel stops each only when it next runs, and
     * on a loaded machine a thread can still answer a client after {@code kill} returned.
     */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
        paused = true;
        // A zombie (Z, X) cannot stop and runs nothing either.
        threads.await(state -> state == 'T' || state == 'Z' || state == 'X', "stopped", THREAD_STATE_TIMEOUT);
    }

    /** SIGCONT after {@link #pause()}; returns once no thread of the JVM is stopped any more. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
        paused = false;
        threads.await(state -> state != 'T', "continued", THREAD_STATE_TIMEOUT);
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /**
     * SIGTERM, as {@code kill} sends it, and waits for the end: unlike {@link #close()}
     * ({@code Process.destroy()} closes this side of the output pipe), the last lines the broker
     * prints while stopping are still read.
     *
     * @return the exit code, or empty when the process still ran after {@code timeout}
     */
    public java.util.OptionalInt terminate(Duration timeout) throws IOException, InterruptedException {
        if (paused) {
            resume();
        }
        if (process.isAlive()) {
            signal("TERM");
        }
        java.util.OptionalInt exit = awaitExit(timeout);
        output.awaitEnd(Duration.ofSeconds(5));
        return exit;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (paused && process.isAlive()) {
            try {
                resume();
            } catch (IOException | AssertionError e) {
                process.destroyForcibly();
            }
        }
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
