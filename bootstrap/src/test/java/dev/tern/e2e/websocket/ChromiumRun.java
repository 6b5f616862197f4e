package dev.tern.e2e.websocket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code drive-chromium.mjs}: node drives Chromium to the page, says {@code READY} once
 * the page is subscribed, then {@code RECEIVED <text>} when the expected message shows in the DOM,
 * and exits 0 after the screenshot.
 *
 * <p>Threading: a daemon thread of its own reads node's output; call the rest from the test thread.
 */
public final class ChromiumRun implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 60;

    private final Process node;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChromiumRun(Process node) {
        this.node = node;
    }

    /** @param environment added to node's (and so Chromium's) environment, e.g. a {@code HOME} */
    static ChromiumRun start(String pageUrl, Path screenshot, String expected, Map<String, String> environment)
            throws IOException {
        return script("drive-chromium.mjs", List.of(pageUrl, screenshot.toString(), expected), environment);
    }

    /** Runs another driver script of {@code src/test/browser} with its arguments. */
    public static ChromiumRun script(String script, List<String> arguments, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(BrowserPrerequisites.BROWSER_DIR.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        ChromiumRun run = new ChromiumRun(builder.start());
        run.follow();
        return run;
    }

    /** True once node says {@code READY}; false when it fails first or falls silent. */
    boolean awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line.startsWith("FAILED")) {
                return false;
            }
            if (line.equals("READY")) {
                return true;
            }
        }
        return false;
    }

    /** Waits for node to exit; its exit code, or empty when it did not exit in time. */
    public Optional<Integer> awaitExit() throws InterruptedException {
        return node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) ? Optional.of(node.exitValue()) : Optional.empty();
    }

    /** The text node reported from the page's DOM, if it did. */
    Optional<String> received() {
        return output.stream().filter(line -> line.startsWith("RECEIVED ")).findFirst();
    }

    /** Everything node printed so far, for assertion messages. */
    public List<String> output() {
        return List.copyOf(output);
    }

    @Override
    public void close() {
        node.destroyForcibly();
    }

    private void follow() {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    lines.add(line);
                }
            } catch (IOException e) {
                output.add("(reading node output failed: " + e + ")");
            }
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
    }
}
