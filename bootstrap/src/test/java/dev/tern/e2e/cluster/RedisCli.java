package dev.tern.e2e.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Redis binaries the cluster tests start ({@code redis-server}, {@code redis-sentinel},
 * {@code redis-cli}), found where Debian installs them, and commands sent to a server or sentinel on
 * a loopback port through {@code redis-cli}. A missing binary fails the test with the install line.
 *
 * <p>Threading: stateless.
 */
final class RedisCli {

    private static final String INSTALL = "apt-get install -y redis-server redis-sentinel (redis-server brings"
            + " redis-cli; scripts/test.sh installs them when run as root)";

    private RedisCli() {
    }

    /** The path of the Redis binary {@code name}. */
    static String executable(String name) {
        return List.of("/usr/bin/" + name, "/usr/local/bin/" + name).stream()
                .filter(path -> Files.isExecutable(Path.of(path))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not installed; run: " + INSTALL));
    }

    /** The reply of {@code command} on 127.0.0.1:{@code port}, as redis-cli prints it. */
    static String call(int port, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(executable("redis-cli"), "-h", "127.0.0.1", "-p",
                Integer.toString(port)));
        line.addAll(List.of(command));
        return run(line, Duration.ofSeconds(5));
    }

    /** Sends {@code command} every 100 ms until the reply contains {@code expected}; fails after {@code timeout}. */
    static void awaitReply(int port, String expected, Duration timeout, String... command)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String reply = "";
        while (System.nanoTime() < deadline) {
            reply = call(port, command);
            if (reply.contains(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("redis on port " + port + " did not answer " + expected + " in " + timeout
                + "; last reply: " + reply);
    }

    /** Runs {@code command} to its end and returns what it printed. */
    static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout);
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
