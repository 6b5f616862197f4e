package dev.tern.e2e.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs mosquitto_pub and mosquitto_sub (Debian package mosquitto-clients) as child processes.
 * A missing tool fails the test loudly with the install command: these tests never skip.
 */
public final class MosquittoTool {

    private MosquittoTool() {
    }

    static String require(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(tool + " is not installed; run: apt-get install -y mosquitto-clients coreutils"
                + " (scripts/test.sh does this when run as root)");
    }

    /** Runs a tool to completion and returns its exit code; output goes to the test log. */
    static int run(long timeoutSeconds, String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(require(tool));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(tool + " did not finish within " + timeoutSeconds + " s");
        }
        return process.exitValue();
    }

    /** A running tool whose output lines are collected as they arrive. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        public Running(String tool, String... args) throws IOException {
            List<String> command = new ArrayList<>();
            // Line-buffered, so that each line reaches the test as the tool prints it.
            command.add(require("stdbuf"));
            command.add("-oL");
            command.add(require(tool));
            command.addAll(List.of(args));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread reader = new Thread(this::pump, tool + "-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void pump() {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("<output closed: " + e.getMessage() + ">");
            }
        }

        /** Waits for a line containing {@code text}; fails after the timeout with what was seen. */
        public String awaitLine(String text, long timeoutMillis) throws InterruptedException {
            return awaitMatching(text, false, timeoutMillis);
        }

        /** Waits for a line equal to {@code text} (other lines, such as debug output, are passed over). */
        String awaitExactLine(String text, long timeoutMillis) throws InterruptedException {
            return awaitMatching(text, true, timeoutMillis);
        }

        private String awaitMatching(String text, boolean exact, long timeoutMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            List<String> seen = new ArrayList<>();
            while (System.currentTimeMillis() < deadline) {
                String line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                if (exact ? line.equals(text) : line.contains(text)) {
                    return line;
                }
                seen.add(line);
            }
            throw new AssertionError("no line " + (exact ? "equal to" : "containing") + " '" + text + "' within " + timeoutMillis + " ms; saw " + seen);
        }

        void kill() {
            process.destroyForcibly();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
