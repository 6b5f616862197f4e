package dev.tern.e2e.hostile;

import dev.tern.bootstrap.security.ApiKeyFile;
import dev.tern.e2e.durability.BrokerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The broker under attack: {@code tern.jar} as a child process with a bounded heap and the default
 * configuration (H2 storage, in a directory of the test's), so that its heap, threads and
 * descriptors are measured from outside, and its admin listener on a known port with an API key
 * of the test's, so that its meters can be read.
 *
 * <p>The JVM exits on an {@link OutOfMemoryError} rather than limp on: an attack that exhausts
 * the heap shows as a dead broker.
 *
 * <p>Threading: {@link #metric} and {@link #footprint} may be called from any thread.
 */
final class HostileBroker implements AutoCloseable {

    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    private static final String API_KEY = "tern_hostile-client-tests-key";

    private final BrokerProcess process;
    private final int port;
    private final URI metrics;
    private final HttpClient http = HttpClient.newHttpClient();

    private HostileBroker(BrokerProcess process, int port, int adminPort) {
        this.process = process;
        this.port = port;
        this.metrics = URI.create("http://127.0.0.1:" + adminPort + "/metrics");
    }

    /** Starts the broker with its data and key file in {@code dir}; {@code settings} come last and win. */
    static HostileBroker start(Path dir, String... settings) throws Exception {
        Path keys = dir.resolve("api-keys");
        ApiKeyFile.write(keys, List.of(new ApiKeyFile.Entry("hostile",
                MessageDigest.getInstance("SHA-256").digest(API_KEY.getBytes(StandardCharsets.UTF_8)), Instant.now())));
        int port = BrokerProcess.freePort();
        int adminPort = BrokerProcess.freePort();
        List<String> all = new ArrayList<>(List.of(
                "storage.h2.path=" + dir.resolve("tern").toAbsolutePath(),
                "admin.http.port=" + adminPort,
                "admin.api-key-file=" + keys.toAbsolutePath()));
        all.addAll(List.of(settings));
        return new HostileBroker(BrokerProcess.start(JVM_OPTIONS, port, all.toArray(String[]::new)), port, adminPort);
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    BrokerFootprint footprint() throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new AssertionError("the broker died; it printed: " + tail());
        }
        return BrokerFootprint.of(process.pid());
    }

    /**
     * The sum of every sample of a meter whose line contains {@code labels} (empty for all), as
     * the admin listener's {@code /metrics} shows it now.
     */
    double metric(String name, String labels) throws IOException, InterruptedException {
        return sum(scrape(), name, labels);
    }

    /** The lines of one {@code /metrics} answer, for reading several meters as of one moment with {@link #sum}. */
    List<String> scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics)
                .header("Authorization", "Bearer " + API_KEY).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().lines().toList();
    }

    /** The sum of every sample of meter {@code name} in {@code scrape} whose line contains {@code labels}. */
    static double sum(List<String> scrape, String name, String labels) {
        return scrape.stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> line.contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The lines the broker printed so far that contain {@code text}. */
    List<String> linesContaining(String text) {
        return process.output().stream().filter(line -> line.contains(text)).toList();
    }

    /** The last lines the broker printed. */
    String tail() {
        List<String> lines = process.output();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            // Died under attack: its last words are why (an OutOfMemoryError, say).
            System.out.println("The broker died; it printed:\n" + tail());
        }
        process.close();
    }
}
