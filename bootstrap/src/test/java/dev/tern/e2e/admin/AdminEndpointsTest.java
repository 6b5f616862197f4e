package dev.tern.e2e.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.tern.application.embedded.InProcessClient;
import dev.tern.bootstrap.Tern;
import dev.tern.bootstrap.TernBroker;
import dev.tern.bootstrap.security.ApiKeyCommand;
import dev.tern.e2e.support.HiveClients;
import dev.tern.e2e.support.PrometheusText;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin listener end to end: a broker with the Prometheus backend, real MQTT clients, and
 * {@code /metrics} scraped with an API key made by {@code tern apikey}, parsed as Prometheus text.
 */
class AdminEndpointsTest {

    private static final int PAYLOAD = 10;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void metricsMoveByWhatClientsDid() throws Exception {
        Path keys = dir.resolve("api-keys");
        String key = ApiKeys.create(keys, "prometheus");
        try (TernBroker broker = start(keys)) {
            int tcp = broker.port("tcp");
            String admin = "http://127.0.0.1:" + broker.port("admin-http");

            PrometheusText before = scrape(admin, key);
            BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
            Mqtt3AsyncClient subscriber = HiveClients.subscriber(tcp, "metrics-sub", "m/#", MqttQos.AT_LEAST_ONCE,
                    received);
            Mqtt3BlockingClient publisher = HiveClients.blocking(tcp, "metrics-pub");
            publisher.connect();
            byte[] payload = "0123456789".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 5; i++) {
                publisher.publishWith().topic("m/zero").qos(MqttQos.AT_MOST_ONCE).payload(payload).send();
            }
            for (int i = 0; i < 3; i++) {
                publisher.publishWith().topic("m/one").qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
            }
            publisher.publishWith().topic("nobody/listens").qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
            publisher.publishWith().topic("kept/config").qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(payload).send();
            for (int i = 0; i < 8; i++) {
                assertThat(received.poll(5, TimeUnit.SECONDS)).as("message %d", i).isNotNull();
            }
            refuseAnUnsupportedProtocolVersion(tcp);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                PrometheusText after = scrape(admin, key);
                assertThat(delta(before, after, "tern_messages_received_total", "qos", "0")).isEqualTo(5);
                assertThat(delta(before, after, "tern_messages_received_total", "qos", "1")).isEqualTo(5);
                assertThat(delta(before, after, "tern_bytes_received_total", "qos", "0")).isEqualTo(5 * PAYLOAD);
                assertThat(delta(before, after, "tern_bytes_received_total", "qos", "1")).isEqualTo(5 * PAYLOAD);
                assertThat(delta(before, after, "tern_messages_sent_total", "qos", "0")).isEqualTo(5);
                assertThat(delta(before, after, "tern_messages_sent_total", "qos", "1")).isEqualTo(3);
                assertThat(delta(before, after, "tern_bytes_sent_total", "qos", "1")).isEqualTo(3 * PAYLOAD);
                assertThat(delta(before, after, "tern_messages_dropped_total", "reason", "no_subscriber")).isEqualTo(1);
                assertThat(delta(before, after, "tern_messages_dropped_total", "reason", "queue_full")).isZero();
                // Registered when the first client connects through a listener: absent before.
                assertThat(delta(before, after, "tern_connections_total", "listener", "tcp", "protocol", "3.1.1"))
                        .isEqualTo(2);
                assertThat(after.value("tern_connections_current", "listener", "tcp", "protocol", "3.1.1"))
                        .isEqualTo(2);
                assertThat(after.has("tern_connections_current", "listener", "tcp", "protocol", "5")).isFalse();
                assertThat(delta(before, after, "tern_connects_refused_total", "reason",
                        "unsupported_protocol_version")).isEqualTo(1);
                assertThat(delta(before, after, "tern_authentication_failures_total")).isZero();
                assertThat(after.value("tern_sessions", "state", "online")).isEqualTo(2);
                assertThat(after.value("tern_sessions", "state", "offline")).isZero();
                assertThat(after.value("tern_subscriptions")).isEqualTo(1);
                assertThat(after.value("tern_retained_messages")).isEqualTo(1);
                assertThat(after.value("tern_inflight_messages")).isZero();
                assertThat(delta(before, after, "tern_events_total", "outcome", "delivered")).isPositive();
                assertThat(after.value("tern_events_total", "outcome", "dropped")).isZero();
                assertThat(after.value("tern_queued_messages")).isZero();
            });
            PrometheusText last = scrape(admin, key);
            assertThat(last.type("tern_messages_received_total")).isEqualTo("counter");
            assertThat(last.type("tern_connections_current")).isEqualTo("gauge");
            assertThat(last.value("jvm_threads_live_threads")).isPositive();
            assertThat(last.has("jvm_memory_used_bytes", "area", "heap", "id", "G1 Eden Space")
                    || last.type("jvm_memory_used_bytes") != null).isTrue();

            publisher.disconnect();
            subscriber.disconnect().join();
            awaitNoneConnected(admin, key, "tcp", "3.1.1");
        }
    }

    @Test
    void inProcessClientsAreCountedUnderTheirOwnListener() throws Exception {
        Path keys = dir.resolve("api-keys");
        String key = ApiKeys.create(keys, "prometheus");
        try (TernBroker broker = start(keys)) {
            String admin = "http://127.0.0.1:" + broker.port("admin-http");
            try (InProcessClient service = broker.client("metrics-service")) {
                PrometheusText during = scrape(admin, key);
                assertThat(during.value("tern_connections_current", "listener", "in-process", "protocol", "5"))
                        .isEqualTo(1);
                assertThat(during.value("tern_connections_total", "listener", "in-process", "protocol", "5"))
                        .isEqualTo(1);
                assertThat(during.has("tern_connections_total", "listener", "tcp", "protocol", "5")).isFalse();
            }
            awaitNoneConnected(admin, key, "in-process", "5");
        }
    }

    @Test
    void healthNeedsNoKeyAndMetricsRefuseAMissingOrWrongOne() throws Exception {
        Path keys = dir.resolve("api-keys");
        String key = ApiKeys.create(keys, "ops");
        try (TernBroker broker = start(keys)) {
            String admin = "http://127.0.0.1:" + broker.port("admin-http");

            HttpResponse<String> live = get(admin + "/health/live", null);
            assertThat(live.statusCode()).isEqualTo(200);
            HttpResponse<String> ready = get(admin + "/health/ready", null);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\": \"ready\"", "\"listeners\": \"bound\"");

            HttpResponse<String> missing = get(admin + "/metrics", null);
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(missing.body()).startsWith("{\"error\": ").doesNotContain("Exception");
            assertThat(get(admin + "/metrics", key + "x").statusCode()).isEqualTo(401);
            assertThat(get(admin + "/nothing", key).statusCode()).isEqualTo(404);

            assertThat(new ApiKeyCommand(new PrintStream(OutputStream.nullOutputStream()),
                    new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC())
                    .run(List.of("revoke", keys.toString(), "ops"))).isZero();
            assertThat(get(admin + "/metrics", key).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void storageMetersCountCommitsOfADurableStore() throws Exception {
        Path keys = dir.resolve("api-keys");
        String key = ApiKeys.create(keys, "prometheus");
        try (TernBroker broker = start(keys, "storage.backend", "h2", "storage.h2.path", dir.resolve("tern").toString())) {
            String admin = "http://127.0.0.1:" + broker.port("admin-http");
            PrometheusText before = scrape(admin, key);
            Mqtt3BlockingClient publisher = HiveClients.blocking(broker.port("tcp"), "durable-pub");
            publisher.connect();
            for (int i = 0; i < 4; i++) {
                publisher.publishWith().topic("kept/" + i).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                        .payload(new byte[PAYLOAD]).send();
            }
            publisher.disconnect();

            PrometheusText after = scrape(admin, key);
            assertThat(after.type("tern_storage_commit_seconds")).isEqualTo("histogram");
            assertThat(delta(before, after, "tern_storage_commit_seconds_count")).isPositive();
            assertThat(delta(before, after, "tern_storage_batch_size_sum")).isEqualTo(4);
            assertThat(after.value("tern_storage_backlog")).isZero();
            assertThat(get(admin + "/health/ready", null).body()).contains("\"storage\": \"reachable\"");
        }
    }

    /**
     * A broker with the admin listener on a free loopback port, an event listener that ignores what
     * it hears, and {@code settings} as key, value pairs.
     */
    private static TernBroker start(Path keys, String... settings) throws Exception {
        // No $SYS figures: they are retained messages and store writes of their own, which these exact counts
        // would have to leave out.
        Tern.Builder builder = Tern.builder().set("sys.interval", "0")
                .set("admin.http.enabled", "true").set("admin.api-key-file", keys.toString())
                .eventListener(event -> { });
        for (int i = 0; i < settings.length; i += 2) {
            builder.set(settings[i], settings[i + 1]);
        }
        return builder.start();
    }

    private void awaitNoneConnected(String admin, String key, String listener, String protocol) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(scrape(admin, key)
                .value("tern_connections_current", "listener", listener, "protocol", protocol)).isZero());
    }

    /** A sample not yet registered when {@code before} was scraped counts as 0 there. */
    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.value(name, labels) - (before.has(name, labels) ? before.value(name, labels) : 0);
    }

    private PrometheusText scrape(String admin, String key) throws Exception {
        HttpResponse<String> response = get(admin + "/metrics", key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/plain; version=0.0.4");
        return PrometheusText.parse(response.body());
    }

    private HttpResponse<String> get(String uri, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** CONNECT with protocol level 6: the broker answers CONNACK 0x01 and closes. */
    private static void refuseAnUnsupportedProtocolVersion(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(new byte[] {
                0x10, 0x0D, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x06, 0x02, 0x00, 0x3C, 0x00, 0x01, 'x'});
            InputStream in = socket.getInputStream();
            byte[] connack = in.readNBytes(4);
            assertThat(connack).containsExactly(0x20, 0x02, 0x00, 0x01);
        }
    }
}
