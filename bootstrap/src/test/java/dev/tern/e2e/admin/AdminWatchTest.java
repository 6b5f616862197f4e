package dev.tern.e2e.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import dev.tern.e2e.support.HiveClients;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/watch} end to end: the stream opened with the JDK's HTTP client and an API
 * key, a HiveMQ client publishing, and the in-process subscription gone once the stream closes.
 */
class AdminWatchTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AdminBroker running;
    private String admin;
    private String key;

    @BeforeEach
    void start() throws Exception {
        running = AdminBroker.start(dir);
        admin = running.url();
        key = running.key();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private HttpRequest.Builder watch(String filter) {
        return HttpRequest.newBuilder(URI.create(admin + "/api/v1/watch?filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30));
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(admin + path)).header("Authorization", "Bearer " + key)
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void streamsPublishedMessagesAndEndsTheSubscriptionWhenClosed() throws Exception {
        HttpResponse<InputStream> stream = http.send(watch("plant/+/temp").header("Authorization", "Bearer " + key)
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(get("/api/v1/clients?clientid=tern-admin-watch-&connected=true")).contains("\"total\": 1");

        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data: ")) {
                        return line;
                    }
                }
                return "end of stream";
            } catch (Exception e) {
                return e.toString();
            }
        });
        Mqtt3BlockingClient publisher = HiveClients.blocking(running.broker().port("tcp"), "publisher");
        publisher.connect();
        publisher.publishWith().topic("plant/other/humidity").payload("no".getBytes(StandardCharsets.UTF_8)).send();
        publisher.publishWith().topic("plant/7/temp").qos(MqttQos.AT_LEAST_ONCE)
                .payload("21.5".getBytes(StandardCharsets.UTF_8)).send();

        assertThat(event.get(10, TimeUnit.SECONDS)).startsWith(
                "data: {\"topic\": \"plant/7/temp\", \"qos\": 1, \"retain\": false, \"payload\": \"21.5\", \"at\": ");

        stream.body().close();
        // The broker reads the connection for its end, so the watch ends at once, not at a keep-alive (15 s).
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(get("/api/v1/clients?clientid=tern-admin-watch-")).contains("\"total\": 0"));
        publisher.disconnect();
    }

    @Test
    void needsAKeyAndAValidFilter() throws Exception {
        assertThat(http.send(watch("a/#").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        HttpResponse<String> bad = http.send(watch("a/#/b").header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\": \"filter\"");
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(admin + "/api/v1/watch"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\": \"filter\"");
    }
}
