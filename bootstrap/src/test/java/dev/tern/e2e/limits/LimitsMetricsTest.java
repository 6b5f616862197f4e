package dev.tern.e2e.limits;

import static dev.tern.e2e.limits.LimitClients.connectedV5;
import static dev.tern.e2e.limits.LimitClients.publishQos1;
import static dev.tern.e2e.limits.LimitClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.tern.bootstrap.Tern;
import dev.tern.bootstrap.TernBroker;
import dev.tern.bootstrap.security.ApiKeyCommand;
import dev.tern.e2e.support.PrometheusText;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each limit that refuses or drops something is counted on {@code /metrics}. */
@DisplayName("Resource limits: metrics")
class LimitsMetricsTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void refusalsAndDropsAtTheLimitsAreCounted() throws Exception {
        Path keys = dir.resolve("api-keys");
        String key = apiKey(keys);
        try (TernBroker broker = Tern.builder().set("sys.interval", "0").set("admin.http.enabled", "true")
                .set("admin.api-key-file", keys.toString()).set("limits.client.max-subscriptions", "1")
                .set("limits.retained.max-messages", "1").set("limits.delivery.rate", "1").start()) {
            int port = broker.port("tcp");
            Mqtt5BlockingClient client = connectedV5(port, "metrics-client");
            subscribe(client, "m/one", "m/two");
            publishQos1(client, "m/kept", "1", true);
            publishQos1(client, "m/refused", "2", true);
            for (int i = 0; i < 5; i++) {
                client.publishWith().topic("m/one").qos(MqttQos.AT_MOST_ONCE).payload(new byte[] {1}).send();
            }

            String admin = "http://127.0.0.1:" + broker.port("admin-http");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                PrometheusText metrics = scrape(admin, key);
                assertThat(metrics.value("tern_limits_exceeded_total", "limit", "subscriptions")).isEqualTo(1);
                assertThat(metrics.value("tern_limits_exceeded_total", "limit", "retained_refused")).isEqualTo(1);
                assertThat(metrics.value("tern_messages_dropped_total", "reason", "delivery_rate")).isPositive();
            });
            client.disconnect();
        }
    }

    private static String apiKey(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new ApiKeyCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC())
                .run(List.of("create", file.toString(), "prometheus"));
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private PrometheusText scrape(String admin, String key) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(admin + "/metrics"))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }
}
