package dev.tern.testkit.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines a child process prints (start it with {@code redirectErrorStream(true)} to get both
 * streams), read by a daemon thread as they come, so that a test can wait for a line such as
 * the broker's "Tern ready" and show everything printed when something fails.
 *
 * <p>Threading: safe to read from any thread while the reader thread appends.
 */
public final class ProcessOutput {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private boolean ended;

    private ProcessOutput(Process process, String threadName) {
        this.process = process;
        this.reader = new Thread(this::pump, threadName);
        reader.setDaemon(true);
    }

    /** Starts reading {@code process}'s standard output on a daemon thread of that name. */
    public static ProcessOutput follow(Process process, String threadName) {
        ProcessOutput output = new ProcessOutput(process, threadName);
        output.reader.start();
        return output;
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The stream was closed under us: what was printed so far stays in the lines.
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /**
     * Waits until a line containing {@code text} has been printed.
     *
     * @return false if the output ended (the process died) or the time ran out first
     */
    public synchronized boolean awaitLineContaining(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.stream().noneMatch(line -> line.contains(text))) {
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Waits for the end of the output, after the process ended, so that {@link #lines()} is complete. */
    public void awaitEnd(Duration timeout) throws InterruptedException {
        reader.join(Math.max(1, timeout.toMillis()));
    }

    /** Every line printed so far. */
    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }
}
