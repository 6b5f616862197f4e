package dev.tern.adapters.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.in.admin.TopicWatches;
import dev.tern.application.port.in.admin.WatchStart;
import dev.tern.application.port.in.admin.WatchedMessage;
import dev.tern.application.port.out.Readiness;
import dev.tern.application.port.plugin.AdminContext;
import dev.tern.application.port.plugin.NetworkListener;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watch endpoint on a real admin server with a fake {@link TopicWatches}. */
class WatchEndpointTest {

    private static final String KEY = "k-123";

    private final List<Consumer<WatchedMessage>> sinks = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();
    private NetworkListener server;

    @BeforeEach
    void start() throws Exception {
        TopicWatches fake = (filter, sink) -> {
            if (filter.contains("bad")) {
                return new WatchStart.Rejected("filter", "not a valid topic filter: " + filter);
            }
            sinks.add(sink);
            open.incrementAndGet();
            return new WatchStart.Started(open::decrementAndGet);
        };
        AdminContext context = new AdminContext(() -> new Readiness.Report(true, Map.of()), null,
                key -> key.equals(KEY) ? Optional.of("ops") : Optional.empty(), new FakeBrokerAdmin(), fake);
        server = new AdminHttpProvider().create("admin-http",
                new AdminHttpProvider.Settings("127.0.0.1", 0, Optional.empty(), Optional.empty()), context);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpRequest watch(String filter) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/watch?filter=" + filter))
                .header("Authorization", "Bearer " + KEY).build();
    }

    @Test
    void streamsWhatTheWatchReceivesAndAtMostSixteenAtOnce() throws Exception {
        List<HttpResponse<InputStream>> streams = new ArrayList<>();
        for (int i = 0; i < WatchEndpoint.MAX_WATCHERS; i++) {
            HttpResponse<InputStream> stream = http.send(watch("a/" + i), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            streams.add(stream);
        }
        HttpResponse<String> refused = http.send(watch("one/more"), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(open).hasValue(WatchEndpoint.MAX_WATCHERS);

        sinks.get(0).accept(new WatchedMessage("a/0", 2, true, "hi".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-01-01T00:00:00Z")));
        BufferedReader lines = new BufferedReader(new InputStreamReader(streams.get(0).body(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo(": keep-alive");
        assertThat(lines.readLine()).isEmpty();
        assertThat(lines.readLine()).isEqualTo(
                "data: {\"topic\": \"a/0\", \"qos\": 2, \"retain\": true, \"payload\": \"hi\", \"at\": \"2026-01-01T00:00:00Z\"}");

        streams.forEach(stream -> {
            try {
                stream.body().close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aClientClosingTheStreamEndsTheWatchWithinTwoSeconds() throws Exception {
        HttpResponse<InputStream> stream = http.send(watch("a/b"), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo(": keep-alive");
        assertThat(open).hasValue(1);

        long closed = System.nanoTime();
        stream.body().close();
        // Well before the next keep-alive (15 s), which is the write that would find the client gone otherwise.
        while (open.get() != 0 && System.nanoTime() - closed < TimeUnit.SECONDS.toNanos(2)) {
            Thread.sleep(20);
        }
        assertThat(open).as("watches open 2 s after the client closed the stream").hasValue(0);

        HttpResponse<InputStream> again = http.send(watch("a/c"), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(again.statusCode()).as("the permit is back; the server still answers").isEqualTo(200);
        again.body().close();
    }

    @Test
    void aRejectedFilterIs400NamingTheField() throws Exception {
        HttpResponse<String> bad = http.send(watch("bad"), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\": \"filter\"");
        assertThat(open).hasValue(0);
    }
}
